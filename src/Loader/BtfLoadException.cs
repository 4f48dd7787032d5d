namespace Sharp.Bpf;

/// <summary>The kernel refused a BTF blob (<c>BPF_BTF_LOAD</c>); <see cref="Log"/> holds the kernel's BTF verifier log and
/// the message quotes its last lines, where the reason is.</summary>
public class BtfLoadException : BpfException
{
    /// <summary>How many of the log's last lines the message quotes.</summary>
    const int QuotedLines = 4;

    /// <summary>Creates the exception from the kernel's BTF log.</summary>
    /// <param name="errno">The error number the load returned.</param>
    /// <param name="log">The BTF verifier log (log level 1).</param>
    public BtfLoadException(int errno, string log)
        : base("BPF_BTF_LOAD", errno, Describe(errno, log))
    {
        Log = log;
    }

    /// <summary>The kernel's whole BTF verifier log.</summary>
    public string Log { get; }

    static string Describe(int errno, string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reason = lines.Length == 0 ? "the kernel's BTF log is empty" : string.Join(" | ", lines[^Math.Min(QuotedLines, lines.Length)..]);
        return $"the kernel refused the BTF: {reason} [{DescribeError(errno)}; the whole log is in {nameof(Log)}]";
    }
}
