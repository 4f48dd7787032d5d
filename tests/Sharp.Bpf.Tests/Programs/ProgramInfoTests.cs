using System.Text.Json;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;
using static Sharp.Bpf.Tests.Programs.HandBuiltPrograms;

namespace Sharp.Bpf.Tests.Programs;

/// <summary>GetInfo reports what the kernel knows about a program, and agrees with bpftool.</summary>
public sealed class ProgramInfoTests
{
    [Fact]
    public void Info_names_the_type_name_and_sizes_of_the_loaded_program()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Returning(XdpPass, "info_probe"));

        var info = program.GetInfo();

        Assert.Equal(ProgramType.Xdp, info.Type);
        Assert.Equal("info_probe", info.Name);
        Assert.Equal(2u, info.XlatedInstructions);
        Assert.Equal(16u, info.XlatedBytes);
        Assert.True(info.JitedBytes > 0, "JIT is always on on these machines");
        Assert.True(info.VerifiedInstructions > 0);
        Assert.True(info.GplCompatible);
        Assert.Empty(info.MapIds);
        Assert.InRange(info.LoadTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void Id_tag_and_sizes_agree_with_bpftool()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Returning(XdpPass, "bpftool_agrees"));
        var info = program.GetInfo();

        using var shown = JsonDocument.Parse(ExternalTool.Run("bpftool", ["-j", "prog", "show", "id", info.Id.ToString()]));

        Assert.Equal(info.Id, shown.RootElement.GetProperty("id").GetUInt32());
        Assert.Equal(info.Tag, shown.RootElement.GetProperty("tag").GetString());
        Assert.Equal(info.XlatedBytes, shown.RootElement.GetProperty("bytes_xlated").GetUInt32());
        Assert.Equal(info.JitedBytes, shown.RootElement.GetProperty("bytes_jited").GetUInt32());
        Assert.Equal(info.Id, program.Id);
    }

    [Fact]
    public void Info_lists_the_ids_of_the_maps_the_program_uses()
    {
        Privileged.RequireRoot();
        using var first = Map.Create(new MapSpec { Name = "first", Type = MapType.Array, KeySize = 4, ValueSize = 8, MaxEntries = 1 });
        using var second = Map.Create(new MapSpec { Name = "second", Type = MapType.Array, KeySize = 4, ValueSize = 8, MaxEntries = 1 });
        var spec = Spec("uses_two_maps", ProgramType.Xdp,
            Instruction.LoadImmediate64(Register.R1, 0),
            Instruction.LoadImmediate64(Register.R2, 0),
            Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass),
            Instruction.Exit()) with { MapReferences = [new MapReference(0, "first"), new MapReference(1, "second")] };
        using var program = Program.Load(spec, new ProgramLoadOptions { ResolveMapFd = name => name == "first" ? first.Handle.Fd : second.Handle.Fd });

        var mapIds = program.GetInfo().MapIds;

        Assert.Equal(2, mapIds.Count);
        using var shown = JsonDocument.Parse(ExternalTool.Run("bpftool", ["-j", "prog", "show", "id", program.Id.ToString()]));
        Assert.Equal(shown.RootElement.GetProperty("map_ids").EnumerateArray().Select(id => id.GetUInt32()).Order(), mapIds.Order());
    }
}
