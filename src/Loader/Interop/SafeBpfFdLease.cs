namespace Sharp.Bpf.Interop;

/// <summary>Keeps a descriptor from being closed while a system call uses its number, so a concurrent Dispose cannot
/// let the number be reused for another file mid-call. Use with <c>using</c>.</summary>
internal readonly ref struct SafeBpfFdLease
{
    readonly SafeBpfFd handle;

    /// <summary>Adds a reference to <paramref name="handle"/>.</summary>
    /// <exception cref="ObjectDisposedException">The handle is already closed.</exception>
    public SafeBpfFdLease(SafeBpfFd handle)
    {
        bool added = false;
        handle.DangerousAddRef(ref added);
        this.handle = handle;
    }

    /// <summary>The descriptor number, for an attr.</summary>
    public uint Fd => (uint)handle.Fd;

    /// <summary>Releases the reference; the handle closes now if it was disposed meanwhile. A default lease holds nothing.</summary>
    public void Dispose() => handle?.DangerousRelease();
}
