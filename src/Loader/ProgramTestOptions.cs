namespace Sharp.Bpf;

/// <summary>The input of one <see cref="Program.Test"/> call (<c>BPF_PROG_TEST_RUN</c>).</summary>
public sealed record ProgramTestOptions
{
    /// <summary>The data the program sees: the packet for XDP, tc and socket filters (XDP refuses fewer than 14 bytes).</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Room for the data as the program leaves it; null gives as much as <see cref="Data"/> has, 0 skips copying it back.
    /// Set it larger for programs that grow the packet, or the kernel reports ENOSPC.</summary>
    public int? DataOutCapacity { get; init; }

    /// <summary>The context the program sees (<c>struct __sk_buff</c>, <c>struct xdp_md</c>, or the arguments of a raw
    /// tracepoint or syscall program), or empty for the kernel's default (Linux 5.3).</summary>
    public ReadOnlyMemory<byte> Context { get; init; }

    /// <summary>Room for the context as the program leaves it; null gives as much as <see cref="Context"/> has.</summary>
    public int? ContextOutCapacity { get; init; }

    /// <summary>How many times to run (0 and 1 both run once); the reported duration is the mean.</summary>
    public uint Repeat { get; init; } = 1;

    /// <summary><c>BPF_F_TEST_RUN_ON_CPU</c> (1) or <c>BPF_F_TEST_XDP_LIVE_FRAMES</c> (2); 0 for a plain run.</summary>
    public uint Flags { get; init; }

    /// <summary>The CPU to run on with <c>BPF_F_TEST_RUN_ON_CPU</c> (raw tracepoints, Linux 5.10).</summary>
    public uint Cpu { get; init; }
}
