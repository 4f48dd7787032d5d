namespace Sharp.Bpf.Bench.CodeQuality;

/// <summary>One program written twice, in C (compiled by clang-19 -O2) and in C# (compiled by the Sharp.Bpf generator).</summary>
/// <param name="Name">The program, as rows name it.</param>
/// <param name="CSource">The C source's file name under CodeQuality/native.</param>
/// <param name="CSharpObject">The C# [BpfObject]'s embedded ELF, or null while the compiler rejects its source.</param>
/// <param name="PendingReason">Why <paramref name="CSharpObject"/> is null: the diagnostics, and where the source waits.</param>
/// <param name="Inputs">What ns/run is measured on.</param>
/// <param name="IsTracing">True for a raw tracepoint program: <c>BPF_PROG_TEST_RUN</c> runs it once per call and reports
/// no duration, so ns/run comes from the kernel's run-time statistics (<c>BPF_ENABLE_STATS</c>) over many calls.</param>
internal sealed record CodeQualityProgram(
    string Name,
    string CSource,
    Func<byte[]>? CSharpObject,
    string PendingReason,
    IReadOnlyList<TestRunInput> Inputs,
    bool IsTracing);
