namespace Sharp.Bpf.Bench.CodeQuality.Kernels;

using Sharp.Bpf.Kernel;

/// <summary>The tracepoint-driven histogram, the logic of native/syscall_histogram.c: on raw tracepoint <c>sys_exit</c>,
/// adds one to the log2 bucket of the syscall's non-negative return value in an array map.</summary>
[BpfObject(License = "GPL")]
public static partial class SyscallHistogram
{
    /// <summary>Return values per log2 bucket.</summary>
    public static readonly ArrayMap<ulong> ReturnValueLog2 = new(maxEntries: 64);

    /// <summary>Counts one syscall exit; returns 0.</summary>
    [RawTracepoint("sys_exit")]
    public static int CountReturnValue(in RawTracepointArguments args)
    {
        var returned = (long)args.Arg1;   // sys_exit(struct pt_regs *regs, long ret)
        if (returned < 0) return 0;
        var count = ReturnValueLog2.Lookup(Log2((ulong)returned));
        if (count.HasValue) Atomic.Add(ref count.Value, 1);
        return 0;
    }

    static uint Log2(ulong value)
    {
        var high = (uint)(value >> 32);
        return high != 0 ? Log2(high) + 32 : Log2((uint)value);
    }

    // libbpf-tools' branch-free log2, with C's (v > k) << s written as a conditional.
    static uint Log2(uint value)
    {
        uint result = value > 0xFFFF ? 16u : 0u;
        value >>= (int)result;
        uint shift = value > 0xFF ? 8u : 0u;
        value >>= (int)shift;
        result |= shift;
        shift = value > 0xF ? 4u : 0u;
        value >>= (int)shift;
        result |= shift;
        shift = value > 0x3 ? 2u : 0u;
        value >>= (int)shift;
        result |= shift;
        return result | value >> 1;
    }
}
