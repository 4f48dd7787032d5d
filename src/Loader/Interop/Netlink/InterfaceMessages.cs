namespace Sharp.Bpf.Interop.Netlink;

/// <summary>The rtnetlink requests about interfaces: lookup by name, listing, and XDP attachment (RTM_SETLINK with IFLA_XDP).</summary>
internal static class InterfaceMessages
{
    public const ushort NameAttribute = 3;
    public const ushort XdpAttribute = 43;
    public const ushort XdpFdAttribute = 1;
    public const ushort XdpAttachedAttribute = 2;
    public const ushort XdpFlagsAttribute = 3;
    public const ushort XdpProgramIdAttribute = 4;
    public const ushort XdpExpectedFdAttribute = 8;

    /// <summary>RTM_GETLINK of the interface named <paramref name="name"/>; the kernel answers ENODEV when there is none.</summary>
    public static byte[] GetByName(string name) =>
        new NetlinkMessageBuilder(NetlinkMessageType.GetLink, 0)
            .Header(new InterfaceInfoHeader())
            .Attribute(NameAttribute, name)
            .ToArray();

    /// <summary>RTM_GETLINK of the interface with index <paramref name="interfaceIndex"/>.</summary>
    public static byte[] GetByIndex(int interfaceIndex) =>
        new NetlinkMessageBuilder(NetlinkMessageType.GetLink, 0)
            .Header(new InterfaceInfoHeader { Index = interfaceIndex })
            .ToArray();

    /// <summary>RTM_GETLINK dump of every interface.</summary>
    public static byte[] DumpAll() =>
        new NetlinkMessageBuilder(NetlinkMessageType.GetLink, NetlinkFlags.Dump)
            .Header(new InterfaceInfoHeader())
            .ToArray();

    /// <summary>RTM_SETLINK that attaches program <paramref name="programFd"/> (-1: detaches) to the XDP hook.</summary>
    /// <param name="interfaceIndex">The interface.</param>
    /// <param name="programFd">The program, or -1 to detach.</param>
    /// <param name="flags">XDP_FLAGS_* (mode, UPDATE_IF_NOEXIST, REPLACE).</param>
    /// <param name="expectedFd">With XDP_FLAGS_REPLACE: the program that must be attached now; else null.</param>
    public static byte[] SetXdp(int interfaceIndex, int programFd, uint flags, int? expectedFd) =>
        new NetlinkMessageBuilder(NetlinkMessageType.SetLink, 0)
            .Header(new InterfaceInfoHeader { Index = interfaceIndex })
            .Nested(XdpAttribute, xdp =>
            {
                xdp.Attribute(XdpFdAttribute, programFd);
                if (flags != 0) xdp.Attribute(XdpFlagsAttribute, flags);
                if (expectedFd is { } expected) xdp.Attribute(XdpExpectedFdAttribute, expected);
            })
            .ToArray();
}
