namespace Sharp.Bpf.Interop.Netlink;

/// <summary>tc handles and attribute numbers (linux/pkt_sched.h, linux/pkt_cls.h, linux/rtnetlink.h).</summary>
internal static class TcHandles
{
    /// <summary><c>TC_H_CLSACT</c> (= <c>TC_H_INGRESS</c>): the parent of the clsact and ingress qdiscs.</summary>
    public const uint Clsact = 0xFFFFFFF1;
    /// <summary><c>TC_H_MAKE(TC_H_CLSACT, 0)</c>: the handle of the clsact (or ingress) qdisc, <c>ffff:</c>.</summary>
    public const uint ClsactHandle = 0xFFFF0000;
    /// <summary><c>TC_H_MIN_INGRESS</c>.</summary>
    public const uint MinorIngress = 0xFFF2;
    /// <summary><c>TC_H_MIN_EGRESS</c>.</summary>
    public const uint MinorEgress = 0xFFF3;
    /// <summary><c>ETH_P_ALL</c> in network byte order, as <c>tcm_info</c>'s low 16 bits carry it.</summary>
    public const ushort AllProtocolsNetworkOrder = 0x0300;

    /// <summary><c>TC_H_MAKE(maj, min)</c>.</summary>
    public static uint Make(uint major, uint minor) => (major & 0xFFFF0000) | (minor & 0x0000FFFF);

    public const ushort KindAttribute = 1;
    public const ushort OptionsAttribute = 2;
    public const ushort BpfFdAttribute = 6;
    public const ushort BpfNameAttribute = 7;
    public const ushort BpfFlagsAttribute = 8;
    public const ushort BpfIdAttribute = 11;
    /// <summary><c>TCA_BPF_FLAG_ACT_DIRECT</c>: the program's return value is the tc action.</summary>
    public const uint BpfFlagDirectAction = 1;
}
