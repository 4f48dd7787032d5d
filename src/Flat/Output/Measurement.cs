using System.Net;
using Sharp.Bpf.Flat.Kernel;

namespace Sharp.Bpf.Flat.Output;

/// <summary>One completed measurement as flat prints it.</summary>
/// <param name="Time">When user space received it (UTC).</param>
/// <param name="Protocol">"TCP" or "UDP".</param>
/// <param name="Source">The request's sender (the SYN's or first datagram's).</param>
/// <param name="SourcePort">The request's source port.</param>
/// <param name="Destination">The request's receiver.</param>
/// <param name="DestinationPort">The request's destination port.</param>
/// <param name="Ttl">TTL or hop limit of the reply.</param>
/// <param name="LatencyNs">Reply time − request time in nanoseconds.</param>
/// <param name="RemoteIsDestination">True when this host sent the request (the reply arrived on ingress).</param>
internal sealed record Measurement(DateTimeOffset Time, string Protocol, IPAddress Source, ushort SourcePort,
    IPAddress Destination, ushort DestinationPort, byte Ttl, ulong LatencyNs, bool RemoteIsDestination)
{
    /// <summary>The latency in milliseconds.</summary>
    public double LatencyMilliseconds => LatencyNs / 1e6;

    /// <summary>The other end of the flow seen from this host, with the service port (the request's destination port):
    /// what the summary groups by.</summary>
    public RemoteEndpoint Remote => new(Protocol, RemoteIsDestination ? Destination : Source, DestinationPort);

    /// <summary>Converts the record the probe wrote, received at <paramref name="time"/>; IPv4-mapped addresses become IPv4
    /// addresses.</summary>
    public static Measurement FromKernel(in FlowMeasurement record, DateTimeOffset time)
    {
        var flow = record.Flow;
        var protocol = flow.Protocol switch { 6 => "TCP", 17 => "UDP", var other => $"IP/{other}" };
        return new Measurement(time, protocol, Address(flow.Source), flow.SourcePort, Address(flow.Destination),
            flow.DestinationPort, record.Ttl, record.LatencyNs, record.ReplyIngress != 0);
    }

    static IPAddress Address(Sharp.Bpf.Kernel.Ipv6Address address)
    {
        var ip = new IPAddress((ReadOnlySpan<byte>)address);
        return ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
    }
}
