using System.Net;

namespace Sharp.Bpf.Flat.Output;

/// <summary>A remote end as the summary groups measurements: protocol, the remote address and the service port.</summary>
internal sealed record RemoteEndpoint(string Protocol, IPAddress Address, ushort Port)
{
    /// <summary><c>TCP 10.0.0.2:443</c>, <c>UDP [2001:db8::1]:53</c>.</summary>
    public override string ToString() => $"{Protocol} {Endpoints.Format(Address, Port)}";
}
