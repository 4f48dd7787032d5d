namespace Sharp.Bpf.Asm;

/// <summary>Assembly text that <see cref="Assembler"/> cannot turn into instructions.</summary>
public sealed class AssemblyException : FormatException
{
    /// <summary>Creates the exception for 1-based <paramref name="line"/>.</summary>
    public AssemblyException(int line, string lineText, string reason)
        : base($"line {line}: {reason} (in '{lineText.Trim()}')")
    {
        Line = line;
        LineText = lineText;
        Reason = reason;
    }

    /// <summary>1-based line number of the offending line.</summary>
    public int Line { get; }
    /// <summary>The offending line as written.</summary>
    public string LineText { get; }
    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
