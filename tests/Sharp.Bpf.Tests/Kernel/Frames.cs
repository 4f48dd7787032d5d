using System.Net;
using System.Runtime.InteropServices;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Builds Ethernet frames header by header, with the kernel-side header structs themselves.</summary>
sealed class Frames
{
    readonly List<byte> _bytes = [];

    public static Frames Ethernet(ushort etherType, bool broadcast = false)
    {
        var eth = new EthernetHeader { EtherType = etherType };
        ((Span<byte>)eth.Destination).Fill(broadcast ? (byte)0xFF : (byte)0x02);
        ((Span<byte>)eth.Source).Fill(0x04);
        return new Frames().Add(eth);
    }

    public Frames Vlan(ushort id, ushort innerEtherType) => Add(new VlanHeader { Tci = id, EncapsulatedEtherType = innerEtherType });

    public Frames Ipv4(string source, string destination, byte protocol, byte ttl = 64, int optionBytes = 0)
    {
        var ip = new Ipv4Header { VersionAndIhl = (byte)(0x40 | (Ipv4Header.Size + optionBytes) / 4), Ttl = ttl, Protocol = protocol };
        ip.SourceAddressNetworkOrder = AddressNetworkOrder(source);
        ip.DestinationAddressNetworkOrder = AddressNetworkOrder(destination);
        Add(ip);
        for (var i = 0; i < optionBytes; i++) _bytes.Add(1); // NOP options
        return this;
    }

    public Frames Ipv6(string source, string destination, byte nextHeader, byte hopLimit = 64)
    {
        var ip = new Ipv6Header { VersionClassFlowNetworkOrder = BitConverter.IsLittleEndian ? 0x60u : 0x60000000u, NextHeader = nextHeader, HopLimit = hopLimit };
        IPAddress.Parse(source).GetAddressBytes().CopyTo((Span<byte>)ip.Source);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo((Span<byte>)ip.Destination);
        return Add(ip);
    }

    public Frames Ipv6Extension(byte nextHeader, byte lengthUnits)
    {
        Add(new Ipv6ExtensionHeader { NextHeader = nextHeader, LengthUnits = lengthUnits });
        for (var i = Ipv6ExtensionHeader.Size; i < (lengthUnits + 1) * 8; i++) _bytes.Add(0);
        return this;
    }

    public Frames Tcp(ushort sourcePort, ushort destinationPort, TcpFlags flags) =>
        Add(new TcpHeader { SourcePort = sourcePort, DestinationPort = destinationPort, DataOffsetAndReserved = 5 << 4, Flags = flags });

    public Frames Udp(ushort sourcePort, ushort destinationPort) =>
        Add(new UdpHeader { SourcePort = sourcePort, DestinationPort = destinationPort, Length = UdpHeader.Size });

    public Frames Add<T>(T header) where T : unmanaged
    {
        _bytes.AddRange(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in header)));
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    public byte[] Truncated(int length) => _bytes.Take(length).ToArray();

    public static uint AddressNetworkOrder(string address) => MemoryMarshal.Read<uint>(IPAddress.Parse(address).GetAddressBytes());
}
