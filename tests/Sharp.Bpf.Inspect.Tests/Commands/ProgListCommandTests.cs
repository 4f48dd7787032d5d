using System.Text.Json;
using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary><c>sharp-bpf prog list</c>: the programs loaded in the kernel, as bpftool prog show lists them.</summary>
public sealed class ProgListCommandTests
{
    static (int Exit, string Stdout, string Stderr) List(bool json) =>
        KernelObjects.Capture((stdout, stderr) => ProgListCommand.Execute(json, stdout, stderr));

    [Fact]
    public void Lists_a_loaded_program_with_its_id_type_name_tag_and_sizes()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(KernelObjects.FlatProbe);
        var info = collection.GetProgram("flat_probe").GetInfo();

        var (exit, stdout, stderr) = List(json: false);

        Assert.True(exit == 0, stderr);
        Assert.Contains($"{info.Id}: sched_cls  name flat_probe  tag {info.Tag}  gpl\n", stdout.ReplaceLineEndings("\n"));
        Assert.Contains($"\txlated {info.XlatedBytes}B  jited {info.JitedBytes}B", stdout);
        Assert.Contains($"map_ids {string.Join(',', info.MapIds)}", stdout);
    }

    [Fact]
    public void Json_has_bpftool_s_members_for_a_loaded_program()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(KernelObjects.FlatProbe);
        var info = collection.GetProgram("flat_probe").GetInfo();

        var (exit, stdout, _) = List(json: true);

        Assert.Equal(0, exit);
        var program = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetUInt32() == info.Id);
        Assert.Equal("sched_cls", program.GetProperty("type").GetString());
        Assert.Equal("flat_probe", program.GetProperty("name").GetString());
        Assert.Equal(info.Tag, program.GetProperty("tag").GetString());
        Assert.True(program.GetProperty("gpl_compatible").GetBoolean());
        Assert.Equal(info.XlatedBytes, program.GetProperty("bytes_xlated").GetUInt32());
        Assert.Equal(info.JitedBytes, program.GetProperty("bytes_jited").GetUInt32());
        Assert.Equal(info.VerifiedInstructions, program.GetProperty("verified_insns").GetUInt32());
        Assert.Equal(info.MapIds, program.GetProperty("map_ids").EnumerateArray().Select(id => id.GetUInt32()));
        Assert.Equal(info.LoadTime.ToUnixTimeSeconds(), program.GetProperty("loaded_at").GetInt64());
    }

    [Fact]
    public void Without_privileges_the_error_names_EPERM_on_one_line()
    {
        Privileged.RequireRoot();
        Privileged.RequireTool("setpriv");
        var result = CliProcess.RunUnprivileged("prog", "list");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.StartsWith("sharp-bpf prog list: BPF_PROG_GET_NEXT_ID failed: EPERM", line);
    }
}
