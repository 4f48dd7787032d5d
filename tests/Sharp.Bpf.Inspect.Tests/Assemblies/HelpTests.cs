using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Assemblies;

/// <summary><c>sharp-bpf --help</c> lists the assembly commands beside the object commands.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("dump", "Disassemble every eBPF object embedded in a .NET assembly")]
    [InlineData("extract", "Write each eBPF object embedded in a .NET assembly")]
    [InlineData("verify", "or of the objects a .NET assembly embeds")]
    public void Help_lists_the_command_with_its_description(string command, string description)
    {
        var result = CliProcess.Run("", "--help");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n'), l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
        Assert.Contains(description, line);
    }
}
