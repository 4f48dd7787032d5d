using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>A kernel bpf_link: an attachment the kernel represents as a descriptor. Closing the last descriptor (and
/// deleting any pin) detaches the program, so the attachment cannot outlive its owner by accident.</summary>
/// <remarks>Minimum kernel: Linux 5.7 for links in general; each kind states its own (<see cref="TcxLink"/> 6.6,
/// <see cref="XdpLink"/> 5.9).</remarks>
public class BpfLink : Link
{
    /// <summary>Link has been severed (linux errno.h): BPF_LINK_UPDATE of a link that BPF_LINK_DETACH or its hook's
    /// removal detached.</summary>
    const int ENOLINK = 67;

    readonly string description;
    uint id;

    internal BpfLink(SafeBpfFd handle, string description)
    {
        Handle = handle;
        this.description = description;
    }

    internal SafeBpfFd Handle { get; }

    /// <inheritdoc/>
    public override string Description => description;

    /// <summary>The link's descriptor, for APIs outside Sharp.Bpf; valid until the link is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The link is disposed.</exception>
    public int Fd => Handle.IsClosed ? throw new ObjectDisposedException(description) : Handle.Fd;

    /// <summary>The kernel-wide link id (what <c>bpftool link list</c> shows).</summary>
    /// <remarks>Minimum kernel: Linux 5.8.</remarks>
    /// <exception cref="ObjectDisposedException">The link is disposed.</exception>
    /// <exception cref="BpfException">The kernel refused to describe the link.</exception>
    public uint Id => id != 0 ? id : id = GetInfo().Id;

    /// <summary>What the kernel reports about the link now (the attached program changes with <see cref="Update"/>).</summary>
    /// <remarks>Minimum kernel: Linux 5.8.</remarks>
    /// <exception cref="ObjectDisposedException">The link is disposed.</exception>
    /// <exception cref="BpfException">The kernel refused <c>BPF_OBJ_GET_INFO_BY_FD</c>.</exception>
    public unsafe LinkInfo GetInfo()
    {
        using var lease = new SafeBpfFdLease(Handle);
        var info = new LinkInfoStruct();
        var attr = new ObjectInfoAttr { BpfFd = lease.Fd, InfoLength = (uint)sizeof(LinkInfoStruct), Info = (ulong)&info };
        Syscall.Bpf(BpfCommand.ObjectGetInfoByFd, ref attr);
        var type = (LinkType)info.Type;
        int interfaceIndex = type is LinkType.Xdp or LinkType.Tcx or LinkType.Netkit ? (int)info.InterfaceIndex : 0;
        return new LinkInfo(info.Id, type, info.ProgramId, interfaceIndex);
    }

    /// <inheritdoc/>
    /// <remarks>Minimum kernel: Linux 5.7.</remarks>
    public override void Pin(string path)
    {
        ThrowIfDisposed();
        ObjectPins.Pin(Handle, path);
    }

    /// <inheritdoc/>
    /// <remarks>Minimum kernel: Linux 5.7 (<c>BPF_LINK_UPDATE</c>); XDP links 5.9, TCX links 6.6. Tracing, perf-event and
    /// uprobe_multi links cannot be updated: the kernel answers EOPNOTSUPP or EINVAL.</remarks>
    public override void Update(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        ThrowIfDisposed();
        using var link = new SafeBpfFdLease(Handle);
        using var newProgram = new SafeBpfFdLease(program.Handle);
        var attr = new LinkUpdateAttr { LinkFd = link.Fd, NewProgramFd = newProgram.Fd };
        if (!Syscall.TryBpf(BpfCommand.LinkUpdate, ref attr, out _, out int errno))
            throw new BpfException("BPF_LINK_UPDATE", errno,
                $"BPF_LINK_UPDATE of {description} to program '{program.Name}' ({program.Type}) failed: {BpfException.DescribeError(errno)}{UpdateAdvice(errno)}");
    }

    /// <summary>Detaches the program now, even when the link is pinned or its descriptor is shared; the link object stays
    /// (defunct) until disposed. Disposing is enough in the common case.</summary>
    /// <remarks>Minimum kernel: Linux 5.9 (<c>BPF_LINK_DETACH</c>); not every link kind supports it (EOPNOTSUPP).</remarks>
    /// <exception cref="ObjectDisposedException">The link is disposed.</exception>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public void Detach()
    {
        ThrowIfDisposed();
        using var lease = new SafeBpfFdLease(Handle);
        var attr = new LinkDetachAttr { LinkFd = lease.Fd };
        if (!Syscall.TryBpf(BpfCommand.LinkDetach, ref attr, out _, out int errno))
            throw new BpfException("BPF_LINK_DETACH", errno, $"BPF_LINK_DETACH of {description} failed: {BpfException.DescribeError(errno)}");
    }

    /// <summary>Opens a link pinned in bpffs; disposing the returned object does not detach while the pin exists.</summary>
    /// <remarks>Minimum kernel: Linux 5.7 (5.8 for the info read here).</remarks>
    /// <param name="path">The pin's path.</param>
    /// <exception cref="BpfException">The kernel refused: ENOENT when nothing is pinned there.</exception>
    /// <exception cref="ArgumentException">The pin holds a bpf object that is not a link.</exception>
    public static BpfLink OpenPinned(string path)
    {
        var handle = ObjectPins.Open(path);
        try
        {
            var target = new FileInfo($"/proc/self/fd/{handle.Fd}").LinkTarget;
            if (target != "anon_inode:bpf_link")
                throw new ArgumentException($"the object pinned at {path} is not a link ({target})", nameof(path));
            return new BpfLink(handle, $"link pinned at {path}");
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Closes the descriptor; the kernel detaches unless a pin or another descriptor keeps the link.</summary>
    protected override void Release() => Handle.Dispose();

    /// <summary>Runs <c>BPF_LINK_CREATE</c> and wraps the new descriptor; the caller fills the attr (leasing its descriptors).</summary>
    /// <param name="attr">The filled attr.</param>
    /// <param name="description">What is being attached where, for the error message and the link.</param>
    /// <param name="describeError">Turns an errno into advice specific to this link kind, or null for the generic text.</param>
    /// <exception cref="BpfException">The kernel refused; the message names <paramref name="description"/>.</exception>
    internal static SafeBpfFd Create(ref LinkCreateAttr attr, string description, Func<int, string?>? describeError = null)
    {
        if (Syscall.TryBpf(BpfCommand.LinkCreate, ref attr, out int fd, out int errno))
            return new SafeBpfFd(fd);
        var advice = describeError?.Invoke(errno) ?? Errno.Advice(errno);
        throw new BpfException("BPF_LINK_CREATE", errno,
            $"BPF_LINK_CREATE of {description} failed: {BpfException.DescribeError(errno)}{(advice is null ? "" : ": " + advice)}");
    }

    static string UpdateAdvice(int errno) => errno switch
    {
        Errno.EINVAL => ": the new program's type or attach type differs from the attached one's",
        Errno.EOPNOTSUPP or Errno.ENOTSUPP => ": this kind of link cannot be updated",
        ENOLINK => ": the link was detached already",
        Errno.EPERM => ": needs CAP_NET_ADMIN/CAP_SYS_ADMIN",
        _ => "",
    };
}
