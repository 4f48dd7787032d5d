using System.Runtime.InteropServices;

namespace Sharp.Bpf.Tests.Kernel;

/// <summary>What the latency sample sends to user space for each completed handshake or request/response.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct LatencyMeasurement
{
    /// <summary>The flow as the first packet (SYN or request) saw it.</summary>
    public FlowKey Flow;
    public ulong LatencyNs;
    /// <summary>TTL or hop limit of the reply.</summary>
    public byte Ttl;
    public byte Padding0;
    public ushort Padding1;
    public uint Padding2;
}
