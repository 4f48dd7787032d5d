namespace Sharp.Bpf.Interop.Netlink;

/// <summary>The rtnetlink requests that manage a clsact qdisc and cls_bpf filters, as pure functions of their arguments.</summary>
internal static class TrafficControlMessages
{
    const string ClsactKind = "clsact";
    const string BpfKind = "bpf";

    /// <summary>RTM_NEWQDISC of clsact on <paramref name="interfaceIndex"/>, failing with EEXIST if a qdisc holds its handle.</summary>
    public static byte[] NewClsact(int interfaceIndex) =>
        new NetlinkMessageBuilder(NetlinkMessageType.NewQdisc, NetlinkFlags.Create | NetlinkFlags.Exclusive)
            .Header(ClsactHeader(interfaceIndex))
            .Attribute(TcHandles.KindAttribute, ClsactKind)
            .ToArray();

    /// <summary>RTM_DELQDISC of the clsact qdisc on <paramref name="interfaceIndex"/> (and with it every filter on its hooks).</summary>
    public static byte[] DeleteClsact(int interfaceIndex) =>
        new NetlinkMessageBuilder(NetlinkMessageType.DeleteQdisc, 0)
            .Header(ClsactHeader(interfaceIndex))
            .Attribute(TcHandles.KindAttribute, ClsactKind)
            .ToArray();

    /// <summary>RTM_GETQDISC dump of every qdisc (the kernel does not filter by interface; the reader does).</summary>
    public static byte[] DumpQdiscs(int interfaceIndex) =>
        new NetlinkMessageBuilder(NetlinkMessageType.GetQdisc, NetlinkFlags.Dump)
            .Header(new TcMessageHeader { InterfaceIndex = interfaceIndex })
            .ToArray();

    /// <summary>RTM_NEWTFILTER of a cls_bpf filter in direct-action mode running program <paramref name="programFd"/>.</summary>
    /// <param name="interfaceIndex">The interface.</param>
    /// <param name="hookMinor"><see cref="TcHandles.MinorIngress"/> or <see cref="TcHandles.MinorEgress"/>.</param>
    /// <param name="priority">The filter's priority (1 runs first).</param>
    /// <param name="handle">The filter's handle within the priority.</param>
    /// <param name="programFd">The program's descriptor.</param>
    /// <param name="name">What <c>tc filter show</c> prints for the program.</param>
    /// <param name="replace">Replace a filter at the same priority and handle instead of failing with EEXIST.</param>
    public static byte[] NewBpfFilter(int interfaceIndex, uint hookMinor, ushort priority, uint handle, int programFd, string name, bool replace) =>
        new NetlinkMessageBuilder(NetlinkMessageType.NewFilter, (ushort)(NetlinkFlags.Create | (replace ? 0 : NetlinkFlags.Exclusive)))
            .Header(FilterHeader(interfaceIndex, hookMinor, priority, handle))
            .Attribute(TcHandles.KindAttribute, BpfKind)
            .Nested(TcHandles.OptionsAttribute, options => options
                .Attribute(TcHandles.BpfFdAttribute, programFd)
                .Attribute(TcHandles.BpfNameAttribute, name)
                .Attribute(TcHandles.BpfFlagsAttribute, TcHandles.BpfFlagDirectAction))
            .ToArray();

    /// <summary>RTM_DELTFILTER of the cls_bpf filter at <paramref name="priority"/>/<paramref name="handle"/>.</summary>
    public static byte[] DeleteBpfFilter(int interfaceIndex, uint hookMinor, ushort priority, uint handle) =>
        new NetlinkMessageBuilder(NetlinkMessageType.DeleteFilter, 0)
            .Header(FilterHeader(interfaceIndex, hookMinor, priority, handle))
            .Attribute(TcHandles.KindAttribute, BpfKind)
            .ToArray();

    /// <summary>RTM_GETTFILTER dump of the filters on one clsact hook.</summary>
    public static byte[] DumpFilters(int interfaceIndex, uint hookMinor) =>
        new NetlinkMessageBuilder(NetlinkMessageType.GetFilter, NetlinkFlags.Dump)
            .Header(new TcMessageHeader { InterfaceIndex = interfaceIndex, Parent = TcHandles.Make(TcHandles.Clsact, hookMinor) })
            .ToArray();

    static TcMessageHeader ClsactHeader(int interfaceIndex) =>
        new() { InterfaceIndex = interfaceIndex, Handle = TcHandles.ClsactHandle, Parent = TcHandles.Clsact };

    static TcMessageHeader FilterHeader(int interfaceIndex, uint hookMinor, ushort priority, uint handle) => new()
    {
        InterfaceIndex = interfaceIndex,
        Handle = handle,
        Parent = TcHandles.Make(TcHandles.Clsact, hookMinor),
        Info = TcHandles.Make((uint)priority << 16, TcHandles.AllProtocolsNetworkOrder),
    };
}
