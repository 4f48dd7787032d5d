using System.Text.Json;
using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary><c>sharp-bpf verify</c>: every program of an object loaded without attaching, with the kernel's figures or the verifier's message.</summary>
public sealed class VerifyCommandTests
{
    static (int Exit, string Stdout, string Stderr) Verify(string path, bool json = false) =>
        KernelObjects.Capture((stdout, stderr) => VerifyCommand.Execute(path, json, stdout, stderr));

    [Fact]
    public void The_xlated_count_of_each_program_equals_what_bpftool_prog_loadall_reports()
    {
        Privileged.RequireRoot();
        var obj = KernelObjects.FlatProbe;
        var pins = KernelObjects.UniquePinPath("verify");
        Dictionary<string, long> bpftoolXlated;
        try
        {
            ExternalTool.Run("bpftool", ["prog", "loadall", obj, pins]);
            bpftoolXlated = Directory.GetFiles(pins).ToDictionary(pin => Path.GetFileName(pin), pin =>
                JsonDocument.Parse(ExternalTool.Run("bpftool", ["-j", "prog", "show", "pinned", pin])).RootElement.GetProperty("bytes_xlated").GetInt64() / 8);
        }
        finally
        {
            if (Directory.Exists(pins)) Directory.Delete(pins, recursive: true);
        }

        var (exit, stdout, stderr) = Verify(obj, json: true);

        Assert.True(exit == 0, stderr);
        var ours = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .ToDictionary(program => program.GetProperty("name").GetString()!, program => program.GetProperty("xlated_insns").GetInt64());
        Assert.Equal(bpftoolXlated.OrderBy(p => p.Key), ours.OrderBy(p => p.Key));
    }

    [Fact]
    public void Prints_a_row_per_program_with_type_section_and_the_kernel_s_counts()
    {
        Privileged.RequireRoot();
        var obj = KernelObjects.FlatProbe;
        using var collection = Collection.Load(obj);
        var info = collection.GetProgram("flat_probe").GetInfo();

        var (exit, stdout, stderr) = Verify(obj);

        Assert.True(exit == 0, stderr);
        var lines = stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(["NAME", "TYPE", "SECTION", "XLATED", "JITED", "VERIFIED"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["flat_probe", "sched_cls", "tc", $"{info.XlatedInstructions}", $"{info.JitedBytes}B", $"{info.VerifiedInstructions}"],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(stderr);
    }

    [Fact]
    public void Json_is_one_array_with_the_documented_members()
    {
        Privileged.RequireRoot();
        var (exit, stdout, _) = Verify(KernelObjects.FlatProbe, json: true);

        Assert.Equal(0, exit);
        var program = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray());
        Assert.Equal("flat_probe", program.GetProperty("name").GetString());
        Assert.Equal("sched_cls", program.GetProperty("type").GetString());
        Assert.Equal("tc", program.GetProperty("section").GetString());
        Assert.True(program.GetProperty("xlated_insns").GetInt32() > 0);
        Assert.True(program.GetProperty("jited_bytes").GetInt32() > 0);
        Assert.True(program.GetProperty("verified_insns").GetInt32() > 0);
        Assert.False(program.TryGetProperty("error", out _));
    }

    [Fact]
    public void A_rejected_program_exits_non_zero_with_the_verifier_message_and_its_C_source_line()
    {
        Privileged.RequireRoot();
        var (exit, stdout, stderr) = Verify(KernelObjects.BrokenBounds);

        Assert.Equal(VerifyCommand.Failure, exit);
        Assert.Contains("read_unchecked", stdout);
        Assert.Contains("rejected", stdout);
        Assert.Contains("read_unchecked", stderr);
        Assert.Contains("broken_bounds.c:9", stderr);
        Assert.Contains("unsigned char first_byte = data[14];", stderr);
    }

    [Fact]
    public void A_rejected_program_has_an_error_member_in_json_instead_of_counts()
    {
        Privileged.RequireRoot();
        var (exit, stdout, _) = Verify(KernelObjects.BrokenBounds, json: true);

        Assert.Equal(VerifyCommand.Failure, exit);
        var program = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray());
        Assert.Contains("broken_bounds.c:9", program.GetProperty("error").GetString());
        Assert.False(program.TryGetProperty("xlated_insns", out _));
    }

    [Fact]
    public void A_missing_file_is_one_line_on_stderr_and_exit_1()
    {
        var result = CliProcess.Run("", "verify", "/nonexistent/probe.o");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.StartsWith("sharp-bpf verify: /nonexistent/probe.o: ", line);
    }

    [Fact]
    public void An_elf_file_for_another_machine_is_one_line_on_stderr_and_exit_1()
    {
        var result = CliProcess.Run("", "verify", "/bin/sh");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.Contains("not an eBPF object", line);
    }

    [Fact]
    public void Without_privileges_the_error_names_EPERM_and_what_is_missing()
    {
        Privileged.RequireRoot();
        Privileged.RequireTool("setpriv");
        // The compiled objects live in a folder only root can read; nobody gets a copy in the temporary folder.
        var obj = KernelObjects.FlatProbe;
        var readable = Path.Combine(Path.GetTempPath(), $"sharp-bpf-verify-{Guid.NewGuid():N}.o");
        File.Copy(obj, readable);
        try
        {
            var result = CliProcess.RunUnprivileged("verify", readable);

            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.Stderr.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
            Assert.Contains("EPERM", line);
            Assert.Contains("CAP_BPF", line);
        }
        finally
        {
            File.Delete(readable);
        }
    }
}
