using Sharp.Bpf.Flat.Cli;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Cli;

/// <summary>The command line up to the point where flat loads its probe.</summary>
public sealed class FlatCommandTests
{
    static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = FlatCommand.Create(stdout, stderr).Parse(args).Invoke(new() { Output = stdout, Error = stderr });
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Invalid_option_value_exits_2_with_the_reason()
    {
        var (exitCode, _, stderr) = Run("-port", "70000");
        Assert.Equal((FlatRunner.Usage, "flat: --port: '70000' is not a port number (1 to 65535)"), (exitCode, stderr.Trim()));
    }

    [Fact]
    public void Unknown_attach_method_exits_2_naming_the_methods()
    {
        var (exitCode, _, stderr) = Run("--attach", "clsact");
        Assert.Equal((FlatRunner.Usage, "flat: --attach: 'clsact' is not one of auto, tcx, netlink"), (exitCode, stderr.Trim()));
    }

    [Fact]
    public void Unknown_interface_exits_1_listing_the_interfaces()
    {
        var (exitCode, _, stderr) = Run("-i", "flat-no-such0");
        Assert.Equal(FlatRunner.Failed, exitCode);
        Assert.StartsWith("flat: no interface named 'flat-no-such0'; available interfaces: ", stderr);
        Assert.Contains("lo", stderr);
    }

    [Theory]
    [InlineData("-i", "--interface")]
    [InlineData("-ip", "--ip")]
    [InlineData("-port", "--port")]
    public void Short_and_long_forms_name_the_same_option(string shortForm, string longForm)
    {
        var command = FlatCommand.Create(TextWriter.Null, TextWriter.Null);
        var option = command.Options.Single(o => o.Name == longForm);
        Assert.Contains(shortForm, option.Aliases);
    }
}
