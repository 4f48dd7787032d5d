namespace Sharp.Bpf.Compiler.Tests.Objects;

using Sharp.Bpf.Kernel;

/// <summary>The first two arguments of the <c>sys_exit</c> raw tracepoint (<c>struct bpf_raw_tracepoint_args</c>).</summary>
public struct SyscallExitArguments
{
    /// <summary>args[0]: the task's <c>struct pt_regs *</c>.</summary>
    public ulong Registers;

    /// <summary>args[1]: the syscall's return value.</summary>
    public ulong ReturnValue;
}

/// <summary>A raw tracepoint program reading its arguments through an <c>in</c> struct parameter, the form
/// <see cref="RawTracepointAttribute"/> documents. Compiled by this project's build; <see cref="SyscallExitClassifierTests"/>
/// runs it with <c>BPF_PROG_TEST_RUN</c> and as managed code.</summary>
[BpfObject(License = "GPL")]
public static partial class SyscallExitClassifier
{
    /// <summary>1 for a failed syscall; otherwise a mix of both arguments, so each field's offset shows in the result.</summary>
    [RawTracepoint("sys_exit")]
    public static int Classify(in SyscallExitArguments args)
    {
        var returned = (long)args.ReturnValue;
        if (returned < 0) return 1;
        return (int)((ulong)returned >> 4 & 0xFFFF) * 16 + (int)(args.Registers & 0xF);
    }

    /// <summary><see cref="Classify"/> on the shared <see cref="RawTracepointArguments"/>, taken as a pointer.</summary>
    [RawTracepoint("sys_exit")]
    public static unsafe int ClassifyArguments(RawTracepointArguments* args)
    {
        var returned = (long)args->Arg1;
        if (returned < 0) return 1;
        return (int)((ulong)returned >> 4 & 0xFFFF) * 16 + (int)(args->Arg0 & 0xF);
    }
}
