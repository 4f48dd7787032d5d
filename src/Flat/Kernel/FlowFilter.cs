using System.Runtime.InteropServices;

namespace Sharp.Bpf.Flat.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Which flows the probe measures, set by user space before load (<c>.rodata</c>, so the verifier sees constants
/// and prunes the unused tests). A flow matches when every criterion set matches one of its ends.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct FlowFilter
{
    /// <summary>The address either end must have (IPv4 mapped as in <see cref="FlowKey"/>); used when
    /// <see cref="MatchAddress"/> is 1.</summary>
    public Ipv6Address Address;
    /// <summary>The port either end must have, host order; 0 matches every port.</summary>
    public ushort Port;
    /// <summary>1 when <see cref="Address"/> applies.</summary>
    public byte MatchAddress;
    /// <summary>Zero.</summary>
    public byte Padding0;
}
