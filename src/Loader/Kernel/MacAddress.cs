using System.Runtime.CompilerServices;

namespace Sharp.Bpf.Kernel;

/// <summary>A 6-byte Ethernet address, as on the wire.</summary>
[InlineArray(Size)]
public struct MacAddress
{
    /// <summary>The address's size in bytes.</summary>
    public const int Size = 6;

    byte _first;

    /// <summary>The I/G bit (bit 0 of the first byte) is set: a multicast address, broadcast included. One byte load.</summary>
    public readonly bool IsMulticast => (this[0] & 1) != 0;

    /// <summary>All bits set (<c>ff:ff:ff:ff:ff:ff</c>).</summary>
    public readonly bool IsBroadcast => !((ReadOnlySpan<byte>)this).ContainsAnyExcept((byte)0xFF);

    /// <summary>The address in <c>aa:bb:cc:dd:ee:ff</c> form.</summary>
    public override readonly string ToString() => Convert.ToHexStringLower((ReadOnlySpan<byte>)this) is var hex
        ? string.Join(':', Enumerable.Range(0, Size).Select(i => hex.Substring(i * 2, 2)))
        : "";
}
