using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>The context of a raw tracepoint program (<c>struct bpf_raw_tracepoint_args</c>, Linux 4.17): the tracepoint's
/// arguments, one <c>u64</c> each, in the order of its <c>TP_PROTO</c> (pointers are kernel addresses, read them with
/// <see cref="Bpf.ProbeReadKernel{T}(out T, ulong)"/>). Programs take it as <c>in RawTracepointArguments</c>; each read is an
/// 8-byte context load. The kernel rejects, at attach, a program that reads an argument the tracepoint does not have.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RawTracepointArguments
{
    /// <summary>The first argument (offset 0).</summary>
    public ulong Arg0;
    /// <summary>The second argument (offset 8).</summary>
    public ulong Arg1;
    /// <summary>The third argument (offset 16).</summary>
    public ulong Arg2;
    /// <summary>The fourth argument (offset 24).</summary>
    public ulong Arg3;
    /// <summary>The fifth argument (offset 32).</summary>
    public ulong Arg4;
    /// <summary>The sixth argument (offset 40).</summary>
    public ulong Arg5;
    /// <summary>The seventh argument (offset 48).</summary>
    public ulong Arg6;
    /// <summary>The eighth argument (offset 56).</summary>
    public ulong Arg7;
    /// <summary>The ninth argument (offset 64).</summary>
    public ulong Arg8;
    /// <summary>The tenth argument (offset 72).</summary>
    public ulong Arg9;
    /// <summary>The eleventh argument (offset 80).</summary>
    public ulong Arg10;
    /// <summary>The twelfth argument (offset 88; the kernel passes at most 12).</summary>
    public ulong Arg11;
}
