using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>A tc program attached to an interface's ingress or egress hook through a TCX link (<c>BPF_LINK_CREATE</c> with
/// <c>BPF_TCX_INGRESS</c>/<c>BPF_TCX_EGRESS</c>). Several TCX programs share a hook in an order the caller controls with
/// <see cref="TcxAnchor"/>; the program's return value decides the packet's fate as in cls_bpf direct-action mode.</summary>
/// <remarks>Minimum kernel: Linux 6.6. Needs CAP_NET_ADMIN (or CAP_SYS_ADMIN). Most callers use
/// <see cref="Tc.Attach(Program, string, TcDirection, TcAttachOptions?)"/>, which falls back to netlink on older kernels.</remarks>
public sealed class TcxLink : BpfLink
{
    /// <summary>Estale (linux errno.h): the hook's revision differs from the expected one.</summary>
    const int ESTALE = 116;

    TcxLink(SafeBpfFd handle, string description, int interfaceIndex, TcDirection direction) : base(handle, description)
    {
        InterfaceIndex = interfaceIndex;
        Direction = direction;
    }

    /// <summary>The index of the interface the program is attached to.</summary>
    public int InterfaceIndex { get; }

    /// <summary>The hook the program is attached to.</summary>
    public TcDirection Direction { get; }

    /// <summary>Attaches <paramref name="program"/> to the <paramref name="direction"/> hook of the interface named
    /// <paramref name="interfaceName"/> in the calling thread's network namespace.</summary>
    /// <param name="program">A <see cref="ProgramType.SchedClassifier"/> program.</param>
    /// <param name="interfaceName">The interface's name, e.g. <c>eth0</c>.</param>
    /// <param name="direction">Ingress or egress.</param>
    /// <param name="anchor">Where among the hook's programs to run; null for last.</param>
    /// <param name="expectedRevision">Attach only if the hook's revision (bumped by every change) is this; 0 for no check.</param>
    /// <returns>The link; dispose it to detach.</returns>
    /// <exception cref="ArgumentException">The program is not a sched_cls program.</exception>
    /// <exception cref="NetworkInterfaceNotFoundException">No interface has that name; the message lists those that exist.</exception>
    /// <exception cref="BpfException">The kernel refused: EPERM without CAP_NET_ADMIN, EEXIST when the program is already
    /// on this hook, ENOENT when the anchor's program is not, ESTALE for a revision mismatch; EINVAL before Linux 6.6.</exception>
    public static TcxLink Attach(Program program, string interfaceName, TcDirection direction, TcxAnchor? anchor = null, ulong expectedRevision = 0) =>
        Attach(program, NetworkInterfaces.IndexOf(interfaceName), direction, anchor, expectedRevision, interfaceName);

    /// <summary>Attaches <paramref name="program"/> to the <paramref name="direction"/> hook of the interface with index
    /// <paramref name="interfaceIndex"/>.</summary>
    /// <param name="program">A <see cref="ProgramType.SchedClassifier"/> program.</param>
    /// <param name="interfaceIndex">The interface's index (<c>ip link</c> shows it).</param>
    /// <param name="direction">Ingress or egress.</param>
    /// <param name="anchor">Where among the hook's programs to run; null for last.</param>
    /// <param name="expectedRevision">Attach only if the hook's revision is this; 0 for no check.</param>
    /// <returns>The link; dispose it to detach.</returns>
    /// <exception cref="ArgumentException">The program is not a sched_cls program.</exception>
    /// <exception cref="BpfException">The kernel refused: ENODEV for an unknown index, else as for the by-name overload.</exception>
    public static TcxLink Attach(Program program, int interfaceIndex, TcDirection direction, TcxAnchor? anchor = null, ulong expectedRevision = 0) =>
        Attach(program, interfaceIndex, direction, anchor, expectedRevision, $"interface index {interfaceIndex}");

    static TcxLink Attach(Program program, int interfaceIndex, TcDirection direction, TcxAnchor? anchor, ulong expectedRevision, string interfaceText)
    {
        ArgumentNullException.ThrowIfNull(program);
        ProgramTypeChecks.RequireClassifier(program);
        anchor ??= TcxAnchor.Last;
        var description = $"TCX {Describe(direction)} link of program '{program.Name}' on {interfaceText}";

        using var programLease = new SafeBpfFdLease(program.Handle);
        using var relativeProgram = anchor.Program is { } relative ? new SafeBpfFdLease(relative.Handle) : default;
        using var relativeLink = anchor.Link is { } link ? new SafeBpfFdLease(link.Handle) : default;
        var attr = new LinkCreateAttr
        {
            ProgramFd = programLease.Fd,
            Target = (uint)interfaceIndex,
            AttachType = (uint)AttachTypeOf(direction),
            Flags = anchor.Flags,
            RelativeFdOrId = anchor.Program is not null ? relativeProgram.Fd : anchor.Link is not null ? relativeLink.Fd : anchor.Id,
            ExpectedRevision = expectedRevision,
        };
        var handle = Create(ref attr, description, errno => Advice(errno, anchor, interfaceText));
        return new TcxLink(handle, description, interfaceIndex, direction);
    }

    /// <summary>The TCX attach type of a direction.</summary>
    internal static AttachType AttachTypeOf(TcDirection direction) => direction == TcDirection.Ingress ? AttachType.TcxIngress : AttachType.TcxEgress;

    static string Describe(TcDirection direction) => direction == TcDirection.Ingress ? "ingress" : "egress";

    static string? Advice(int errno, TcxAnchor anchor, string interfaceText) => errno switch
    {
        Errno.EPERM => "attaching tc programs needs CAP_NET_ADMIN (run as root)",
        Errno.ENODEV => $"there is no {interfaceText}",
        Errno.EEXIST => "this program is already attached to this hook",
        Errno.ENOENT => $"the anchor ({anchor}) is not attached to this hook",
        Errno.ERANGE => "the hook holds the maximum number of programs (64)",
        ESTALE => "the hook changed since the expected revision",
        Errno.EINVAL => "the kernel rejected the arguments: TCX links need Linux 6.6, and the anchor flags must name one program or link",
        _ => null,
    };
}
