namespace Sharp.Bpf;

/// <summary>The outcome of running a program once or more with <c>BPF_PROG_TEST_RUN</c>.</summary>
/// <param name="ReturnValue">The program's 32-bit return value (for XDP the action, e.g. 2 = XDP_PASS).</param>
/// <param name="MeanDurationNanoseconds">The kernel's mean run time per repetition.</param>
/// <param name="DataOut">The packet as the program left it.</param>
internal readonly record struct ProgramTestRun(uint ReturnValue, uint MeanDurationNanoseconds, byte[] DataOut);
