using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Program arrays take program descriptors and report the stored program's id.</summary>
public sealed class ProgramArrayTests
{
    static Program LoadXdp() => Program.Load(new ProgramSpec
    {
        Name = "tail_target",
        SectionName = "xdp",
        Type = ProgramType.Xdp,
        AttachType = AttachType.Xdp,
        Instructions = [Instruction.Alu64(AluOperation.Mov, Register.R0, 2), Instruction.Exit()],
        License = "GPL",
    });

    [Fact]
    public void A_stored_program_reads_back_as_its_id()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.ProgramArray, 4, 4, 4));
        using var program = LoadXdp();
        var jumps = new ProgramArray(map);
        jumps.Set(1, program.Fd);
        Assert.True(jumps.TryGetProgramId(1, out uint id));
        Assert.Equal(program.Id, id);
        Assert.False(jumps.TryGetProgramId(0, out _));
    }

    [Fact]
    public void A_cleared_slot_is_empty()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.ProgramArray, 4, 4, 4));
        using var program = LoadXdp();
        var jumps = new ProgramArray(map);
        jumps.Set(2, program.Fd);
        Assert.True(jumps.Clear(2));
        Assert.False(jumps.TryGetProgramId(2, out _));
        Assert.False(jumps.Clear(2));
    }
}
