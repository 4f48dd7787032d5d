namespace Sharp.Bpf.Interop.Netlink;

/// <summary>The <c>nlmsg_flags</c> bits (linux/netlink.h). Some bits mean different things for new, get and ack messages.</summary>
internal static class NetlinkFlags
{
    public const ushort Request = 0x1;
    public const ushort Multi = 0x2;
    public const ushort Ack = 0x4;
    /// <summary>Get requests: return the whole table.</summary>
    public const ushort Dump = 0x300;
    /// <summary>New requests: replace an existing object.</summary>
    public const ushort Replace = 0x100;
    /// <summary>New requests: fail with EEXIST if the object exists.</summary>
    public const ushort Exclusive = 0x200;
    /// <summary>New requests: create the object if it does not exist.</summary>
    public const ushort Create = 0x400;
    /// <summary>Error acks: the original request is not echoed (NETLINK_CAP_ACK).</summary>
    public const ushort Capped = 0x100;
    /// <summary>Error acks: extended-ack attributes follow the error.</summary>
    public const ushort AckTlvs = 0x200;
}
