using System.Runtime.InteropServices;

namespace Sharp.Bpf.Bench.CodeQuality.Kernels;

/// <summary>The first two arguments of the <c>sys_exit</c> raw tracepoint (<c>struct bpf_raw_tracepoint_args</c>):
/// the registers, and the syscall's return value.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RawTracepointArguments
{
    /// <summary>args[0]: the task's <c>struct pt_regs *</c>.</summary>
    public ulong Registers;

    /// <summary>args[1]: the syscall's return value.</summary>
    public ulong ReturnValue;
}
