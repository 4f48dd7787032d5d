using Sharp.Bpf.Elf;

namespace Sharp.Bpf;

/// <summary>The kernel refused to load a program; <see cref="Log"/> holds the verifier's whole log and the
/// message names the program, the failing instruction, its source line (when the program has line info) and the
/// verifier's reason.</summary>
public class BpfVerifierException : BpfException
{
    /// <summary>Creates the exception from the verifier's log.</summary>
    /// <param name="programName">The name the program was loaded under.</param>
    /// <param name="errno">The error number the load returned.</param>
    /// <param name="log">The verifier log (log level 1 or higher).</param>
    public BpfVerifierException(string programName, int errno, string log)
        : this(programName, errno, log, lineInfos: [])
    {
    }

    /// <summary>Creates the exception from the verifier's log and the program's BTF line info, which names the source
    /// line of the failing instruction.</summary>
    /// <param name="programName">The name the program was loaded under.</param>
    /// <param name="errno">The error number the load returned.</param>
    /// <param name="log">The verifier log (log level 1 or higher).</param>
    /// <param name="lineInfos">The program's line info, ordered by instruction offset (empty when it has none).</param>
    public BpfVerifierException(string programName, int errno, string log, IReadOnlyList<ProgramLineInfo> lineInfos)
        : this(programName, errno, log, VerifierFailure.FromLog(log), lineInfos)
    {
    }

    BpfVerifierException(string programName, int errno, string log, VerifierFailure failure, IReadOnlyList<ProgramLineInfo> lineInfos)
        : this(programName, errno, log, failure, SourceLineOf(failure.InstructionIndex, lineInfos))
    {
    }

    BpfVerifierException(string programName, int errno, string log, VerifierFailure failure, ProgramLineInfo? sourceLine)
        : base("BPF_PROG_LOAD", errno, Describe(programName, errno, failure, sourceLine))
    {
        ProgramName = programName;
        Log = log;
        InstructionIndex = failure.InstructionIndex;
        Instruction = failure.Instruction;
        Reason = failure.Reason;
        SourceLine = sourceLine;
    }

    /// <summary>The name the program was loaded under.</summary>
    public string ProgramName { get; }

    /// <summary>The verifier's whole log.</summary>
    public string Log { get; }

    /// <summary>The slot index of the instruction the verifier stopped at, or null when the log names none
    /// (errors found before the instruction walk, such as an unknown opcode).</summary>
    public int? InstructionIndex { get; }

    /// <summary>The verifier's rendering of the failing instruction (e.g. <c>r0 = *(u8 *)(r1 +0)</c>), or null when the log names none.</summary>
    public string? Instruction { get; }

    /// <summary>The verifier's reason for the rejection (the log's error lines), or null when the log gives none.</summary>
    public string? Reason { get; }

    /// <summary>The source line the failing instruction was compiled from: the nearest line info at or before it,
    /// or null when the program has no line info or the log names no instruction.</summary>
    public ProgramLineInfo? SourceLine { get; }

    static ProgramLineInfo? SourceLineOf(int? instructionIndex, IReadOnlyList<ProgramLineInfo> lineInfos)
    {
        if (instructionIndex is not { } index) return null;
        ProgramLineInfo? nearest = null;
        foreach (var line in lineInfos)
            if (line.InstructionOffset <= index && (nearest is null || line.InstructionOffset >= nearest.InstructionOffset))
                nearest = line;
        return nearest;
    }

    static string Describe(string programName, int errno, VerifierFailure failure, ProgramLineInfo? sourceLine)
    {
        var where = failure.InstructionIndex is { } index ? $" at instruction {index} ({failure.Instruction})" : "";
        var source = sourceLine is null ? "" : $" from {sourceLine.FileName}:{sourceLine.LineNumber} \"{sourceLine.Line.Trim()}\"";
        var why = failure.Reason ?? "the verifier log gives no reason";
        return $"the verifier rejected program '{programName}'{where}{source}: {why} [{DescribeError(errno)}; the whole log is in {nameof(Log)}]";
    }
}
