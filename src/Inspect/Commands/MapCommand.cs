using System.CommandLine;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf map …</c>: the maps in the kernel, as <c>bpftool map</c> shows them.</summary>
public static class MapCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create() => new("map", "Inspect the maps in the kernel")
    {
        MapListCommand.Create(),
        MapDumpCommand.Create(),
    };
}
