namespace Sharp.Bpf.Links;

/// <summary>A program attached to a hook. Disposing the link detaches the program (once; further calls do nothing).
/// Kinds the kernel can pin or re-point override <see cref="Pin"/> and <see cref="Update"/>; the others throw
/// <see cref="NotSupportedException"/> saying why.</summary>
/// <remarks>Links backed by a kernel bpf_link (<see cref="BpfLink"/>) hold their descriptor in a SafeHandle, so a link that
/// is never disposed is still detached when the garbage collector finalizes the handle. Attachments the kernel keeps
/// without a descriptor (netlink tc filters, netlink XDP) stay attached until disposed explicitly, like <c>tc</c> and
/// <c>ip</c> leave them. Instances are not thread-safe, except that <see cref="Dispose"/> may race with itself.</remarks>
public abstract class Link : IDisposable
{
    int disposed;

    /// <summary>True once <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => Volatile.Read(ref disposed) != 0;

    /// <summary>What this link attaches where, for messages: e.g. "TCX ingress link on eth0".</summary>
    public abstract string Description { get; }

    /// <summary>Pins the link in bpffs so the attachment outlives this process and this object; delete the pin file
    /// (and dispose every descriptor) to detach.</summary>
    /// <param name="path">A path under a bpffs mount (usually <c>/sys/fs/bpf</c>) that does not exist yet.</param>
    /// <exception cref="NotSupportedException">This kind of attachment is not a kernel bpf_link and cannot be pinned.</exception>
    /// <exception cref="ObjectDisposedException">The link is disposed.</exception>
    /// <exception cref="BpfException">The kernel refused the pin.</exception>
    public virtual void Pin(string path) =>
        throw new NotSupportedException($"{Description} cannot be pinned: only kernel bpf_links (TCX, XDP by link, cgroup, tracing) can; this attachment has no link descriptor");

    /// <summary>Replaces the attached program with <paramref name="program"/> atomically, without a moment in which
    /// no program is attached.</summary>
    /// <param name="program">The new program; of the same type (and attach type) as the current one.</param>
    /// <exception cref="NotSupportedException">The kernel cannot re-point this kind of attachment; detach and attach anew.</exception>
    /// <exception cref="ObjectDisposedException">The link is disposed.</exception>
    /// <exception cref="BpfException">The kernel refused the update (e.g. EINVAL for a program of another type).</exception>
    public virtual void Update(Program program) =>
        throw new NotSupportedException($"{Description} cannot be updated in place; dispose it and attach the new program");

    /// <summary>Detaches the program. Idempotent; never throws for an attachment that is already gone.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Detaches the program; called once, by the first <see cref="Dispose"/>.</summary>
    protected abstract void Release();

    /// <summary>Throws <see cref="ObjectDisposedException"/> when the link is disposed.</summary>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
