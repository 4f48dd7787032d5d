using System.Net;
using System.Runtime.CompilerServices;

namespace Sharp.Bpf.Kernel;

/// <summary>A 16-byte IPv6 address, as on the wire (network order).</summary>
[InlineArray(Size)]
public struct Ipv6Address
{
    /// <summary>The address's size in bytes.</summary>
    public const int Size = 16;

    byte _first;

    /// <summary>The address in its usual text form.</summary>
    public override readonly string ToString() => new IPAddress((ReadOnlySpan<byte>)this).ToString();
}
