namespace Sharp.Bpf;

/// <summary>The outcome of <see cref="Program.Test"/> (<c>BPF_PROG_TEST_RUN</c>).</summary>
/// <param name="ReturnValue">The program's 32-bit return value (for XDP the action, e.g. 2 = XDP_PASS; for tc the verdict).</param>
/// <param name="DurationNanoseconds">The kernel's mean run time per repetition, in nanoseconds.</param>
/// <param name="DataOut">The data as the program left it (empty when no room was asked for).</param>
/// <param name="ContextOut">The context as the program left it (empty when none was passed).</param>
public sealed record ProgramTestResult(uint ReturnValue, uint DurationNanoseconds, byte[] DataOut, byte[] ContextOut);
