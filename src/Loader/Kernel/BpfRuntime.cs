namespace Sharp.Bpf.Kernel;

/// <summary>The kernel state managed execution reads through <see cref="Bpf"/>'s helpers and the per-CPU maps: clocks,
/// current CPU, current task, memory for probe reads, captured printk output, the last redirect. One per thread, so tests
/// running in parallel do not see each other's; a test sets up its own with <see cref="Use"/>.</summary>
[ManagedOnly]
public sealed class BpfRuntime
{
    [ThreadStatic] static BpfRuntime? t_current;
    ulong _monotonicNs;
    uint _cpu;
    uint _cpuCount = 2;

    /// <summary>This thread's runtime (a default one until <see cref="Use"/> installs another).</summary>
    public static BpfRuntime Current => t_current ??= new BpfRuntime();

    /// <summary>Makes <paramref name="runtime"/> this thread's runtime until the returned scope is disposed.</summary>
    public static IDisposable Use(BpfRuntime runtime)
    {
        var scope = new Scope(t_current);
        t_current = runtime;
        return scope;
    }

    /// <summary>The monotonic clock (<c>CLOCK_MONOTONIC</c>) in nanoseconds, what <see cref="Bpf.KtimeGetNs"/> returns.
    /// Starts at 0 and moves only when a test moves it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value earlier than the current one: the clock is monotonic.</exception>
    public ulong MonotonicNs
    {
        get => _monotonicNs;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, _monotonicNs);
            _monotonicNs = value;
        }
    }

    /// <summary>Nanoseconds the machine spent suspended; <see cref="Bpf.KtimeGetBootNs"/> is <see cref="MonotonicNs"/> plus this.</summary>
    public ulong SuspendedNs { get; set; }

    /// <summary>Moves the monotonic clock forward by <paramref name="nanoseconds"/>.</summary>
    public void Advance(ulong nanoseconds) => MonotonicNs = checked(_monotonicNs + nanoseconds);

    /// <summary>Moves the monotonic clock forward by <paramref name="duration"/>.</summary>
    public void Advance(TimeSpan duration) => Advance(checked((ulong)duration.Ticks * 100));

    /// <summary>How many CPUs the machine has (2 by default, like the machines this project runs on).</summary>
    public uint CpuCount
    {
        get => _cpuCount;
        set
        {
            ArgumentOutOfRangeException.ThrowIfZero(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(_cpu, value - 1, nameof(Cpu));
            _cpuCount = value;
        }
    }

    /// <summary>The CPU the program runs on: <see cref="Bpf.GetSmpProcessorId"/>, and the slot per-CPU maps use.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not below <see cref="CpuCount"/>.</exception>
    public uint Cpu
    {
        get => _cpu;
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, _cpuCount);
            _cpu = value;
        }
    }

    /// <summary>The current thread's id (the kernel's pid), the low half of <see cref="Bpf.GetCurrentPidTgid"/>.</summary>
    public uint ThreadId { get; set; } = 1;

    /// <summary>The current process's id (the kernel's tgid), the high half of <see cref="Bpf.GetCurrentPidTgid"/>.</summary>
    public uint ProcessId { get; set; } = 1;

    /// <summary>The current task's user id, the low half of <see cref="Bpf.GetCurrentUidGid"/>.</summary>
    public uint UserId { get; set; }

    /// <summary>The current task's group id, the high half of <see cref="Bpf.GetCurrentUidGid"/>.</summary>
    public uint GroupId { get; set; }

    /// <summary>The current task's name (at most 15 bytes are kept, as in the kernel's 16-byte <c>comm</c>).</summary>
    public string Comm { get; set; } = "swapper/0";

    /// <summary>Kernel memory, what <see cref="Bpf.ProbeReadKernel{T}"/> reads.</summary>
    public ProbeMemory KernelMemory { get; } = new();

    /// <summary>The current process's user memory, what <see cref="Bpf.ProbeReadUser{T}"/> reads.</summary>
    public ProbeMemory UserMemory { get; } = new();

    /// <summary>The messages <see cref="Bpf.TracePrintk(string)"/> wrote, formatted, in order.</summary>
    public List<string> PrintkLines { get; } = [];

    /// <summary>The source of <see cref="Bpf.GetPrandomU32"/>; seeded, so runs repeat.</summary>
    public Random Random { get; set; } = new(0);

    /// <summary>The interface index and flags of the last <see cref="Bpf.Redirect"/> or <see cref="Bpf.XdpRedirect"/>, or null.</summary>
    public (uint Ifindex, ulong Flags)? LastRedirect { get; set; }

    sealed class Scope(BpfRuntime? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
