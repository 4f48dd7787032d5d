using Sharp.Bpf.Interop;
using Sharp.Bpf.Interop.Netlink;

namespace Sharp.Bpf.Links;

/// <summary>A tc program attached as a cls_bpf filter in direct-action mode on an interface's clsact qdisc, over rtnetlink
/// (what <c>tc filter add dev X ingress bpf da</c> does). The clsact qdisc is created when missing; disposing removes the
/// filter, and the qdisc too when this process created it, this is the last of the process's links on it, and no other
/// filter remains on it.</summary>
/// <remarks>Minimum kernel: Linux 4.5 (clsact, direct action). Needs CAP_NET_ADMIN. The filter outlives the process if the
/// link is not disposed, as with <c>tc</c>. Disposing works from any thread: it acts in the network namespace the
/// filter was attached in.</remarks>
public sealed class NetlinkTcLink : Link
{
    readonly NetworkNamespace networkNamespace;
    readonly string interfaceText;
    readonly bool ownsQdisc;
    string programName;

    NetlinkTcLink(NetworkNamespace networkNamespace, int interfaceIndex, string interfaceText, TcDirection direction,
        ushort priority, uint handle, bool ownsQdisc, string programName)
    {
        this.networkNamespace = networkNamespace;
        this.interfaceText = interfaceText;
        this.ownsQdisc = ownsQdisc;
        this.programName = programName;
        InterfaceIndex = interfaceIndex;
        Direction = direction;
        Priority = priority;
        Handle = handle;
    }

    /// <summary>The index of the interface the filter is on.</summary>
    public int InterfaceIndex { get; }

    /// <summary>The hook the filter is on.</summary>
    public TcDirection Direction { get; }

    /// <summary>The filter's priority.</summary>
    public ushort Priority { get; }

    /// <summary>The filter's handle within its priority.</summary>
    public uint Handle { get; }

    /// <summary>Whether the clsact qdisc was created by this process (by this or another live netlink tc link), so the
    /// last such link to go removes it, provided no other filter is on it.</summary>
    public bool OwnsQdisc => ownsQdisc;

    /// <inheritdoc/>
    public override string Description =>
        $"netlink cls_bpf filter of program '{programName}' on {interfaceText} {Hook} (priority {Priority}, handle {Handle})";

    string Hook => Direction == TcDirection.Ingress ? "ingress" : "egress";

    uint HookMinor => MinorOf(Direction);

    /// <summary>Attaches <paramref name="program"/> as a cls_bpf filter on the <paramref name="direction"/> hook of the
    /// interface named <paramref name="interfaceName"/> in the calling thread's network namespace.</summary>
    /// <param name="program">A <see cref="ProgramType.SchedClassifier"/> program.</param>
    /// <param name="interfaceName">The interface's name.</param>
    /// <param name="direction">Ingress or egress.</param>
    /// <param name="priority">The filter's priority (lower runs first).</param>
    /// <param name="handle">The filter's handle within its priority.</param>
    /// <param name="replace">Replace a filter at the same priority and handle instead of failing with EEXIST.</param>
    /// <returns>The attachment; dispose it to remove the filter.</returns>
    /// <exception cref="ArgumentException">The program is not a sched_cls program.</exception>
    /// <exception cref="NetworkInterfaceNotFoundException">No interface has that name; the message lists those that exist.</exception>
    /// <exception cref="InvalidOperationException">The interface has an <c>ingress</c> qdisc, which occupies clsact's place.</exception>
    /// <exception cref="NetlinkException">The kernel refused: EPERM without CAP_NET_ADMIN, EEXIST when a filter holds this
    /// priority and handle; the message carries the kernel's explanation. Nothing is left attached.</exception>
    public static NetlinkTcLink Attach(Program program, string interfaceName, TcDirection direction, ushort priority = 1, uint handle = 1, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(program);
        ProgramTypeChecks.RequireClassifier(program);
        return Attach(program, NetworkInterfaces.IndexOf(interfaceName), interfaceName, direction, priority, handle, replace);
    }

    /// <summary>Attaches like the by-name overload, to the interface with index <paramref name="interfaceIndex"/>.</summary>
    /// <param name="program">A <see cref="ProgramType.SchedClassifier"/> program.</param>
    /// <param name="interfaceIndex">The interface's index.</param>
    /// <param name="direction">Ingress or egress.</param>
    /// <param name="priority">The filter's priority (lower runs first).</param>
    /// <param name="handle">The filter's handle within its priority.</param>
    /// <param name="replace">Replace a filter at the same priority and handle instead of failing with EEXIST.</param>
    /// <returns>The attachment; dispose it to remove the filter.</returns>
    /// <exception cref="ArgumentException">The program is not a sched_cls program.</exception>
    /// <exception cref="InvalidOperationException">The interface has an <c>ingress</c> qdisc.</exception>
    /// <exception cref="NetlinkException">The kernel refused (ENODEV for an unknown index). Nothing is left attached.</exception>
    public static NetlinkTcLink Attach(Program program, int interfaceIndex, TcDirection direction, ushort priority = 1, uint handle = 1, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(program);
        ProgramTypeChecks.RequireClassifier(program);
        return Attach(program, interfaceIndex, NetworkInterfaces.NameOf(interfaceIndex) ?? $"interface index {interfaceIndex}", direction, priority, handle, replace);
    }

    static NetlinkTcLink Attach(Program program, int interfaceIndex, string interfaceText, TcDirection direction, ushort priority, uint handle, bool replace)
    {
        if (priority == 0) throw new ArgumentOutOfRangeException(nameof(priority), "priority 0 lets the kernel choose one, which this link could not then remove; give 1 or more");
        if (handle == 0) throw new ArgumentOutOfRangeException(nameof(handle), "handle 0 lets the kernel choose one, which this link could not then remove; give 1 or more");
        var what = $"attaching program '{program.Name}' as a cls_bpf filter on {interfaceText} {(direction == TcDirection.Ingress ? "ingress" : "egress")} (priority {priority}, handle {handle})";
        var networkNamespace = NetworkNamespace.Current();
        try
        {
            using var socket = new RouteNetlinkSocket();
            bool created = EnsureClsact(socket, interfaceIndex, interfaceText, what);
            try
            {
                AddFilter(socket, program, interfaceIndex, MinorOf(direction), priority, handle, replace, what);
            }
            catch
            {
                if (created) socket.TryExecute(TrafficControlMessages.DeleteClsact(interfaceIndex), out _);
                throw;
            }
            bool owns = ClsactOwnership.Join(QdiscKey(networkNamespace, interfaceIndex), created);
            return new NetlinkTcLink(networkNamespace, interfaceIndex, interfaceText, direction, priority, handle, owns, program.Name);
        }
        catch
        {
            networkNamespace.Dispose();
            throw;
        }
    }

    /// <summary>Replaces the filter's program in place (RTM_NEWTFILTER without NLM_F_EXCL at the same priority and handle).</summary>
    /// <remarks>Minimum kernel: Linux 4.5.</remarks>
    /// <exception cref="ArgumentException">The program is not a sched_cls program.</exception>
    public override void Update(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        ThrowIfDisposed();
        ProgramTypeChecks.RequireClassifier(program);
        networkNamespace.Run(() =>
        {
            using var socket = new RouteNetlinkSocket();
            AddFilter(socket, program, InterfaceIndex, HookMinor, Priority, Handle, replace: true, $"replacing the program of {Description} with '{program.Name}'");
        });
        programName = program.Name;
    }

    /// <summary>Removes the filter, then the qdisc if this link created it and it holds no other filter. A filter or
    /// interface that is gone already counts as removed.</summary>
    protected override void Release()
    {
        try
        {
            networkNamespace.Run(() =>
            {
                using var socket = new RouteNetlinkSocket();
                var ack = socket.TryExecute(TrafficControlMessages.DeleteBpfFilter(InterfaceIndex, HookMinor, Priority, Handle), out _);
                if (ack.Errno != 0 && ack.Errno != Errno.ENOENT && ack.Errno != Errno.ENODEV && ack.Errno != Errno.EINVAL)
                    throw new NetlinkException("RTM_DELTFILTER", ack.Errno, ack.Message, $"removing {Description}");
                bool lastOwner = ownsQdisc && ClsactOwnership.Leave(QdiscKey(networkNamespace, InterfaceIndex));
                if (lastOwner && ack.Errno != Errno.ENODEV && !HasFilters(socket, InterfaceIndex))
                    socket.TryExecute(TrafficControlMessages.DeleteClsact(InterfaceIndex), out _);
            });
        }
        finally
        {
            networkNamespace.Dispose();
        }
    }

    static string QdiscKey(NetworkNamespace networkNamespace, int interfaceIndex) => $"{networkNamespace.Identity}/{interfaceIndex}";

    internal static uint MinorOf(TcDirection direction) => direction == TcDirection.Ingress ? TcHandles.MinorIngress : TcHandles.MinorEgress;

    /// <summary>Creates the clsact qdisc unless the interface has one; true when this call created it.</summary>
    static bool EnsureClsact(RouteNetlinkSocket socket, int interfaceIndex, string interfaceText, string what)
    {
        switch (FindIngressQdiscKind(socket, interfaceIndex, what))
        {
            case "clsact":
                return false;
            case { } other:
                throw new InvalidOperationException(
                    $"{what} failed: {interfaceText} has an '{other}' qdisc at ffff:, where the clsact qdisc that cls_bpf filters need must go; " +
                    $"remove it (tc qdisc del dev {interfaceText} {other}) or attach by TCX");
        }
        var ack = socket.TryExecute(TrafficControlMessages.NewClsact(interfaceIndex), out _);
        if (ack.Errno == 0) return true;
        // Another process created it between our dump and our request: use theirs.
        if (ack.Errno == Errno.EEXIST && FindIngressQdiscKind(socket, interfaceIndex, what) == "clsact") return false;
        throw new NetlinkException("RTM_NEWQDISC", ack.Errno, ack.Message, $"{what}: creating the clsact qdisc", Advice(ack.Errno, interfaceText));
    }

    /// <summary>The kind of the qdisc at ffff: (clsact or ingress) on the interface, or null when it has none.</summary>
    static string? FindIngressQdiscKind(RouteNetlinkSocket socket, int interfaceIndex, string what)
    {
        foreach (var message in socket.Dump(TrafficControlMessages.DumpQdiscs(interfaceIndex), "RTM_GETQDISC", $"{what}: listing qdiscs"))
        {
            if (message.Type != NetlinkMessageType.NewQdisc || message.Payload.Length < 20) continue;
            var header = System.Runtime.InteropServices.MemoryMarshal.Read<TcMessageHeader>(message.Payload.Span);
            if (header.InterfaceIndex != interfaceIndex || header.Parent != TcHandles.Clsact) continue;
            var attributes = NetlinkAttributes.Parse(message.Payload[20..]);
            if (attributes.TryGetValue(TcHandles.KindAttribute, out var kind)) return NetlinkAttributes.String(kind);
        }
        return null;
    }

    static bool HasFilters(RouteNetlinkSocket socket, int interfaceIndex)
    {
        foreach (uint minor in (uint[])[TcHandles.MinorIngress, TcHandles.MinorEgress])
        {
            var ack = socket.TryExecute(TrafficControlMessages.DumpFilters(interfaceIndex, minor), out var replies);
            if (ack.Errno != 0 || replies.Exists(message => message.Type == NetlinkMessageType.NewFilter)) return true;
        }
        return false;
    }

    static void AddFilter(RouteNetlinkSocket socket, Program program, int interfaceIndex, uint hookMinor, ushort priority, uint handle, bool replace, string what)
    {
        using var lease = new SafeBpfFdLease(program.Handle);
        var request = TrafficControlMessages.NewBpfFilter(interfaceIndex, hookMinor, priority, handle, (int)lease.Fd, program.Name, replace);
        var ack = socket.TryExecute(request, out _);
        if (ack.Errno != 0)
            throw new NetlinkException("RTM_NEWTFILTER", ack.Errno, ack.Message, what, FilterAdvice(ack.Errno, priority, handle));
    }

    static string? Advice(int errno, string interfaceText) => errno switch
    {
        Errno.EPERM => "changing tc qdiscs and filters needs CAP_NET_ADMIN (run as root)",
        Errno.ENODEV => $"there is no {interfaceText}",
        Errno.ENOENT => "the kernel lacks the clsact qdisc (CONFIG_NET_SCH_INGRESS, Linux 4.5)",
        _ => null,
    };

    static string? FilterAdvice(int errno, ushort priority, uint handle) => errno switch
    {
        Errno.EEXIST => $"another tc filter is attached at priority {priority} handle {handle}; choose another priority or handle, or replace it",
        Errno.EPERM => "changing tc filters needs CAP_NET_ADMIN (run as root)",
        Errno.EINVAL => $"another kind of filter or protocol may hold priority {priority}; choose another priority",
        Errno.ENOENT => "the kernel lacks cls_bpf (CONFIG_NET_CLS_BPF)",
        _ => null,
    };
}
