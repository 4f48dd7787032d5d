namespace Sharp.Bpf.Bench.CodeQuality;

/// <summary>One input a program is timed on with <c>BPF_PROG_TEST_RUN</c>.</summary>
/// <param name="Name">What the input is, e.g. "SYN".</param>
/// <param name="Data">The packet (empty for tracing programs).</param>
/// <param name="Context">The context (a raw tracepoint's arguments; empty for packet programs).</param>
internal sealed record TestRunInput(string Name, byte[] Data, byte[] Context);
