namespace Sharp.Bpf.Inspect.Conformance;

/// <summary>Where a conformance test stopped: the stage that rejected it, or <see cref="Completed"/>.</summary>
internal enum ConformanceStage
{
    /// <summary>The <c>.data</c> file itself is malformed.</summary>
    File,
    /// <summary>The assembler rejected the <c>-- asm</c> section.</summary>
    Assembly,
    /// <summary>The instruction bytes are not a valid encoding.</summary>
    Decoding,
    /// <summary>The kernel refused to load or run the program.</summary>
    Kernel,
    /// <summary>The program ran and returned r0.</summary>
    Completed,
}
