using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Header structs are laid out exactly as on the wire, and their accessors convert from network order.</summary>
public sealed class HeaderLayoutTests
{
    [Fact]
    public void Sizes_equal_the_wire_sizes()
    {
        Assert.Equal(14, Unsafe.SizeOf<EthernetHeader>());
        Assert.Equal(4, Unsafe.SizeOf<VlanHeader>());
        Assert.Equal(20, Unsafe.SizeOf<Ipv4Header>());
        Assert.Equal(40, Unsafe.SizeOf<Ipv6Header>());
        Assert.Equal(2, Unsafe.SizeOf<Ipv6ExtensionHeader>());
        Assert.Equal(8, Unsafe.SizeOf<Ipv6FragmentHeader>());
        Assert.Equal(20, Unsafe.SizeOf<TcpHeader>());
        Assert.Equal(8, Unsafe.SizeOf<UdpHeader>());
        Assert.Equal(8, Unsafe.SizeOf<IcmpHeader>());
        Assert.Equal(8, Unsafe.SizeOf<Icmpv6Header>());
        Assert.Equal(168, Unsafe.SizeOf<PtRegs>());
        Assert.Equal(8, Unsafe.SizeOf<TracepointCommonFields>());
        Assert.Equal(16, Unsafe.SizeOf<TaskComm>());
        Assert.Equal(8, Unsafe.SizeOf<LpmTrieKey<uint>>());
    }

    [Fact]
    public void Field_offsets_equal_the_wire_offsets()
    {
        Assert.Equal(12, Marshal.OffsetOf<EthernetHeader>(nameof(EthernetHeader.EtherTypeNetworkOrder)));
        Assert.Equal(9, Marshal.OffsetOf<Ipv4Header>(nameof(Ipv4Header.Protocol)));
        Assert.Equal(12, Marshal.OffsetOf<Ipv4Header>(nameof(Ipv4Header.SourceAddressNetworkOrder)));
        Assert.Equal(16, Marshal.OffsetOf<Ipv4Header>(nameof(Ipv4Header.DestinationAddressNetworkOrder)));
        Assert.Equal(6, Marshal.OffsetOf<Ipv6Header>(nameof(Ipv6Header.NextHeader)));
        Assert.Equal(8, Marshal.OffsetOf<Ipv6Header>(nameof(Ipv6Header.Source)));
        Assert.Equal(24, Marshal.OffsetOf<Ipv6Header>(nameof(Ipv6Header.Destination)));
        Assert.Equal(13, Marshal.OffsetOf<TcpHeader>(nameof(TcpHeader.Flags)));
        Assert.Equal(4, Marshal.OffsetOf<UdpHeader>(nameof(UdpHeader.LengthNetworkOrder)));
        Assert.Equal(80, Marshal.OffsetOf<PtRegs>(nameof(PtRegs.Rax)));
        Assert.Equal(112, Marshal.OffsetOf<PtRegs>(nameof(PtRegs.Rdi)));
        Assert.Equal(4, Marshal.OffsetOf<LpmTrieKey<ulong>>(nameof(LpmTrieKey<ulong>.Data)));
    }

    [Fact]
    public void Ether_type_reads_big_endian_bytes()
    {
        var frame = Frames.Ethernet(EtherTypes.Ipv6).ToArray();
        Assert.Equal([0x86, 0xDD], frame[12..14]);
        Assert.Equal(EtherTypes.Ipv6, MemoryMarshal.Read<EthernetHeader>(frame).EtherType);
    }

    [Fact]
    public void Ipv4_header_length_counts_options()
    {
        var ip = new Ipv4Header { VersionAndIhl = 0x46 };
        Assert.Equal(4, ip.Version);
        Assert.Equal(24, ip.HeaderLength);
    }

    [Fact]
    public void Ipv4_address_accessor_is_host_order()
    {
        var ip = new Ipv4Header { SourceAddressNetworkOrder = Frames.AddressNetworkOrder("10.0.0.1") };
        Assert.Equal(0x0A000001u, ip.SourceAddress);
    }

    [Fact]
    public void Ipv4_fragment_flags_decode()
    {
        var ip = new Ipv4Header { FragmentNetworkOrder = BitConverter.IsLittleEndian ? (ushort)0x0320 : (ushort)0x2003 }; // MF, offset 3 * 8
        Assert.True(ip.MoreFragments);
        Assert.Equal(24, ip.FragmentOffset);
        Assert.True(ip.IsFragment);
        Assert.False(ip.DontFragment);
    }

    [Fact]
    public void Tcp_flags_distinguish_syn_from_syn_ack()
    {
        Assert.True(new TcpHeader { Flags = TcpFlags.Syn }.IsSyn);
        Assert.False(new TcpHeader { Flags = TcpFlags.Syn | TcpFlags.Ack }.IsSyn);
        Assert.True(new TcpHeader { Flags = TcpFlags.Syn | TcpFlags.Ack }.IsSynAck);
    }

    [Fact]
    public void Ports_round_trip_through_network_order()
    {
        var tcp = new TcpHeader { SourcePort = 443 };
        Assert.Equal(443, tcp.SourcePort);
        Assert.Equal(BitConverter.IsLittleEndian ? (ushort)0xBB01 : (ushort)443, tcp.SourcePortNetworkOrder);
    }

    [Fact]
    public void Vlan_tci_splits_into_priority_and_id()
    {
        var vlan = new VlanHeader { Tci = (5 << 13) | 100 };
        Assert.Equal(100, vlan.VlanId);
        Assert.Equal(5, vlan.Priority);
    }

    [Fact]
    public void Ipv6_extension_length_is_in_eight_byte_units_after_the_first_eight() =>
        Assert.Equal(16, new Ipv6ExtensionHeader { LengthUnits = 1 }.HeaderLength);

    [Fact]
    public void Mac_address_knows_broadcast_and_multicast()
    {
        var eth = MemoryMarshal.Read<EthernetHeader>(Frames.Ethernet(EtherTypes.Ipv4, broadcast: true).ToArray());
        Assert.True(eth.Destination.IsBroadcast);
        Assert.True(eth.Destination.IsMulticast);
        Assert.False(eth.Source.IsMulticast);
        Assert.Equal("04:04:04:04:04:04", eth.Source.ToString());
    }

    [Fact]
    public void Pt_regs_arguments_follow_the_system_v_order()
    {
        var regs = new PtRegs { Rdi = 1, Rsi = 2, Rdx = 3, Rcx = 4, R8 = 5, R9 = 6, Rax = 7 };
        Assert.Equal([1UL, 2, 3, 4, 5, 6], Enumerable.Range(1, 6).Select(n => regs.Arg(n)));
        Assert.Equal(7UL, regs.ReturnValue);
    }
}
