using Sharp.Bpf.Asm;
using Xunit;

namespace Sharp.Bpf.Tests.Asm;

/// <summary>Encode → decode → format → assemble gives back the same instruction, for every encoding variant.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Variants => new(EncodingSpace.Valid.Select(EncodingSpace.VariantOf).Distinct().Order(StringComparer.Ordinal));

    static IEnumerable<Instruction> InstancesOf(string variant) => EncodingSpace.Valid.Where(i => EncodingSpace.VariantOf(i) == variant);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_instance_round_trips_through_bytes_and_ubpf_text(string variant)
    {
        foreach (var insn in InstancesOf(variant))
        {
            var bytes = InstructionEncoder.Encode([insn]);
            var decoded = InstructionDecoder.Decode(bytes).Single();
            Assert.Equal(insn, decoded);
            var text = InstructionFormatter.Ubpf.Format(decoded);
            Assert.Equal(insn, Assembler.Assemble(text).Single());
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_instance_has_llvm_text(string variant)
    {
        foreach (var insn in InstancesOf(variant))
            Assert.False(string.IsNullOrWhiteSpace(InstructionFormatter.Llvm.Format(insn)), insn.ToString());
    }

    [Fact]
    public void The_valid_opcodes_are_exactly_those_of_RFC_9669_plus_callx()
    {
        int[] expected =
        [
            // ALU (32-bit) and ALU64, immediate and register forms
            0x04, 0x0c, 0x14, 0x1c, 0x24, 0x2c, 0x34, 0x3c, 0x44, 0x4c, 0x54, 0x5c, 0x64, 0x6c, 0x74, 0x7c,
            0x84, 0x94, 0x9c, 0xa4, 0xac, 0xb4, 0xbc, 0xc4, 0xcc, 0xd4, 0xdc,
            0x07, 0x0f, 0x17, 0x1f, 0x27, 0x2f, 0x37, 0x3f, 0x47, 0x4f, 0x57, 0x5f, 0x67, 0x6f, 0x77, 0x7f,
            0x87, 0x97, 0x9f, 0xa7, 0xaf, 0xb7, 0xbf, 0xc7, 0xcf, 0xd7,
            // JMP
            0x05, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x3d, 0x45, 0x4d, 0x55, 0x5d, 0x65, 0x6d, 0x75, 0x7d,
            0x85, 0x8d, 0x95, 0xa5, 0xad, 0xb5, 0xbd, 0xc5, 0xcd, 0xd5, 0xdd,
            // JMP32
            0x06, 0x16, 0x1e, 0x26, 0x2e, 0x36, 0x3e, 0x46, 0x4e, 0x56, 0x5e, 0x66, 0x6e, 0x76, 0x7e,
            0xa6, 0xae, 0xb6, 0xbe, 0xc6, 0xce, 0xd6, 0xde,
            // LD: lddw and legacy packet access
            0x18, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50,
            // LDX, ST, STX, atomics
            0x61, 0x69, 0x71, 0x79, 0x81, 0x89, 0x91,
            0x62, 0x6a, 0x72, 0x7a,
            0x63, 0x6b, 0x73, 0x7b, 0xc3, 0xdb,
        ];
        var actual = EncodingSpace.Valid.Select(i => (int)i.Opcode).Distinct().Order();
        Assert.Equal(expected.Order(), actual);
    }

    [Fact]
    public void Every_lddw_kind_and_every_atomic_operation_is_covered()
    {
        Assert.Equal(Enum.GetValues<LoadImmediateKind>().Select(k => (int)k).Order(),
            EncodingSpace.Valid.Where(i => i.IsWide).Select(i => (int)i.Source).Distinct().Order());
        var atomics = Enum.GetValues<AtomicOperation>().Select(a => (int)a).Order().ToArray();
        foreach (var size in new[] { MemorySize.Word, MemorySize.DoubleWord })
            Assert.Equal(atomics, EncodingSpace.Valid.Where(i => i.Class == InstructionClass.Stx && i.Mode == MemoryMode.Atomic && i.Size == size)
                .Select(i => i.Immediate).Distinct().Order());
    }

    [Fact]
    public void A_program_with_labels_round_trips()
    {
        var program = Assembler.Assemble("""
            mov %r0, 0
            lddw %r1, 0x100000000
            loop:
            add %r0, 1
            jlt %r0, 3, loop
            call local done
            exit
            done:
            exit
            """);
        var bytes = InstructionEncoder.Encode(program);
        var text = string.Join('\n', InstructionDecoder.Decode(bytes).Select(i => InstructionFormatter.Ubpf.Format(i)));
        Assert.Equal(bytes, InstructionEncoder.Encode(Assembler.Assemble(text)));
        Assert.Equal(-2, program[3].Offset);
        Assert.Equal(1, program[4].Immediate);
    }
}
