using System.Buffers.Binary;
using Sharp.Bpf.Compiler.Tests.Programs.Constants;
using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Programs;

/// <summary>The differential harness itself: its inputs reach the corner cases, and it reports a difference with the
/// input, both results and the disassembly (proven on <see cref="ConstantReturns"/> with deliberately wrong oracles).</summary>
public class DifferentialHarnessTests
{
    static readonly ProgramSuite Constants = new ConstantReturnsSuite();

    [Theory]
    [InlineData(typeof(sbyte), new ulong[] { 0UL, 1, 0xFF, 0x80, 0x7F, 0x81, 0x7E, 0x40 })]
    [InlineData(typeof(byte), new ulong[] { 0UL, 1, 0xFF, 0xFE, 0x80, 0x7F })]
    [InlineData(typeof(short), new ulong[] { 0UL, 1, 0xFFFF, 0x8000, 0x7FFF, 0x0100 })]
    [InlineData(typeof(int), new ulong[] { 0UL, 1, 0xFFFF_FFFF, 0x8000_0000, 0x7FFF_FFFF, 0x8000_0001, 32, 33, 64 })]
    [InlineData(typeof(ulong), new ulong[] { 0UL, 1, ulong.MaxValue, ulong.MaxValue - 1, 0x8000_0000_0000_0000, 0xFFFF_FFFF, 0x1_0000_0000 })]
    public void Boundary_values_include_the_corners_of_each_type(Type type, ulong[] expected)
    {
        var values = BoundaryValues.Of(IntegerKind.Of(type));
        Assert.All(expected, value => Assert.Contains(value, values));
    }

    [Fact]
    public void Struct_inputs_cross_the_corner_values_of_the_first_two_fields()
    {
        var pairs = new StructInputs<IntPair>().Generate(1_000, seed: 1)
            .Select(p => (BinaryPrimitives.ReadInt32LittleEndian(p), BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(4))))
            .ToHashSet();
        Assert.Contains((int.MinValue, -1), pairs);
        Assert.Contains((int.MaxValue, -1), pairs);
        Assert.Contains((1, 0), pairs);
        Assert.Contains((0, int.MinValue), pairs);
    }

    [Fact]
    public void Struct_inputs_include_shift_counts_at_and_beyond_each_width()
    {
        var counts = new StructInputs<ShiftOperands>().Generate(1_000, seed: 1)
            .Select(p => BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(8)))
            .ToHashSet();
        Assert.Superset(new HashSet<int> { 0, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, -1 }, counts);
    }

    [Fact]
    public void Struct_inputs_include_packets_cut_short_of_the_struct()
    {
        var lengths = new StructInputs<MixedWidths>().Generate(1_000, seed: 1).Select(p => p.Length).ToHashSet();
        Assert.Superset(new HashSet<int> { InputSource.MinimumPacketLength, 31, PacketLayout.Length }, lengths);
        Assert.DoesNotContain(lengths, length => length < InputSource.MinimumPacketLength);
    }

    [Fact]
    public void Inputs_depend_only_on_the_seed()
    {
        var inputs = new StructInputs<MixedWidths>();
        Assert.Equal(inputs.Generate(1_000, seed: 7), inputs.Generate(1_000, seed: 7));
        Assert.NotEqual(inputs.Generate(1_000, seed: 7), inputs.Generate(1_000, seed: 8));
    }

    [Fact]
    public void Frame_inputs_mix_every_layer_and_cut_some_short()
    {
        var frames = new FrameInputs().Generate(1_000, seed: 1);
        ushort EtherType(byte[] f) => BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(12));
        Assert.Contains(frames, f => EtherType(f) == 0x0800 && f.Length >= 14 + 20 + 20 && f[14 + 9] == 6);
        Assert.Contains(frames, f => EtherType(f) == 0x0800 && f.Length >= 14 + 20 + 8 && f[14 + 9] == 17);
        Assert.Contains(frames, f => EtherType(f) == 0x86DD && f.Length >= 14 + 40 + 20 && f[14 + 6] == 6);
        Assert.Contains(frames, f => EtherType(f) == 0x8100);
        Assert.Contains(frames, f => EtherType(f) == 0x0800 && f.Length < 14 + 20);
        Assert.All(frames, f => Assert.True(f.Length >= InputSource.MinimumPacketLength));
    }

    [Fact]
    public void Struct_inputs_describe_each_field_by_name()
    {
        var packet = new byte[PacketLayout.Length];
        BinaryPrimitives.WriteInt32LittleEndian(packet, int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(packet.AsSpan(4), -1);
        Assert.StartsWith("IntPair { A = -2147483648 B = -1 } in packet (64 bytes) 00000080FFFFFFFF", new StructInputs<IntPair>().Describe(packet));
    }

    [Fact]
    public void A_wrong_return_value_is_reported_with_the_input_both_results_and_the_disassembly()
    {
        var report = RunAgainst(Constants.Program(nameof(ConstantReturns.MinusOne)) with { RunManaged = _ => 0 });
        Assert.Equal(report.Inputs, report.Failures);
        var message = report.Describe();
        Assert.Contains("IntPair { A = ", message);
        Assert.Contains("managed: 0 (0x00000000", message);
        Assert.Contains("kernel:  4294967295 (0xFFFFFFFF, as int -1)", message);
        Assert.Contains("<MinusOne>:", message);
    }

    [Fact]
    public void A_packet_left_different_is_reported()
    {
        var report = RunAgainst(Constants.Program(nameof(ConstantReturns.Pass)) with
        {
            RunManaged = packet =>
            {
                packet[0] ^= 1;
                return 2;
            },
        });
        Assert.Equal(report.Inputs, report.Failures);
        Assert.Contains("packet out: managed ", report.Describe());
    }

    [Fact]
    public void A_managed_exception_is_a_failure_that_names_it()
    {
        var report = RunAgainst(Constants.Program(nameof(ConstantReturns.Pass)) with { RunManaged = _ => throw new DivideByZeroException() });
        Assert.Equal(report.Inputs, report.Failures);
        Assert.Contains("threw DivideByZeroException", report.Describe());
    }

    [Fact]
    public void The_right_oracle_passes_on_every_input()
    {
        var report = RunAgainst(Constants.Program(nameof(ConstantReturns.MinusOne)));
        Assert.Equal(0, report.Failures);
        Assert.Equal(1_000, report.Inputs);
    }

    static DifferentialReport RunAgainst(DifferentialProgram program)
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(CollectionSpec.Read(Constants.ObjectBytes));
        return DifferentialRunner.Run(Constants, program, collection);
    }
}
