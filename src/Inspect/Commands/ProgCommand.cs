using System.CommandLine;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf prog …</c>: the programs loaded in the kernel, as <c>bpftool prog</c> shows them.</summary>
public static class ProgCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create() => new("prog", "Inspect the programs loaded in the kernel")
    {
        ProgListCommand.Create(),
    };
}
