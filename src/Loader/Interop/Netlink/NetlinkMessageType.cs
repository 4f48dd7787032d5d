namespace Sharp.Bpf.Interop.Netlink;

/// <summary>The <c>nlmsg_type</c> values Sharp.Bpf sends and reads (linux/netlink.h, linux/rtnetlink.h).</summary>
internal enum NetlinkMessageType : ushort
{
    Noop = 1,
    Error = 2,
    Done = 3,
    NewLink = 16,
    DeleteLink = 17,
    GetLink = 18,
    SetLink = 19,
    NewQdisc = 36,
    DeleteQdisc = 37,
    GetQdisc = 38,
    NewFilter = 44,
    DeleteFilter = 45,
    GetFilter = 46,
}
