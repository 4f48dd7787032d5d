using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Tests.Programs;

/// <summary>Program specs written instruction by instruction, for tests that must not depend on the ELF reader.</summary>
internal static class HandBuiltPrograms
{
    public const int XdpPass = 2;
    public const int MapLookupElementHelper = 1;

    /// <summary>A GPL program of <paramref name="type"/> made of <paramref name="instructions"/>.</summary>
    public static ProgramSpec Spec(string name, ProgramType type, params Instruction[] instructions) => new()
    {
        Name = name,
        SectionName = type.ToString(),
        Type = type,
        AttachType = type == ProgramType.Xdp ? AttachType.Xdp : default,
        Instructions = instructions,
        License = "GPL",
    };

    /// <summary><c>r0 = <paramref name="value"/>; exit</c> as an XDP program.</summary>
    public static ProgramSpec Returning(int value, string name = "returns") =>
        Spec(name, ProgramType.Xdp, Instruction.Alu64(AluOperation.Mov, Register.R0, value), Instruction.Exit());

    /// <summary>The 14-byte minimum an XDP test run accepts (an Ethernet header).</summary>
    public static byte[] EthernetFrame() => new byte[14];
}
