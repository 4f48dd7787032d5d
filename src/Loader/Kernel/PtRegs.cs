using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>The registers of a probed task on x86-64 (<c>struct pt_regs</c>, 168 bytes): the context of kprobes, uprobes and
/// their return probes. Programs take it as <c>in PtRegs</c>; each read is an 8-byte context load at the field's offset.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct PtRegs
{
    /// <summary>r15 (offset 0).</summary>
    public ulong R15;
    /// <summary>r14 (offset 8).</summary>
    public ulong R14;
    /// <summary>r13 (offset 16).</summary>
    public ulong R13;
    /// <summary>r12 (offset 24).</summary>
    public ulong R12;
    /// <summary>rbp (offset 32).</summary>
    public ulong Rbp;
    /// <summary>rbx (offset 40).</summary>
    public ulong Rbx;
    /// <summary>r11 (offset 48).</summary>
    public ulong R11;
    /// <summary>r10 (offset 56).</summary>
    public ulong R10;
    /// <summary>r9 (offset 64): the sixth argument.</summary>
    public ulong R9;
    /// <summary>r8 (offset 72): the fifth argument.</summary>
    public ulong R8;
    /// <summary>rax (offset 80): the return value.</summary>
    public ulong Rax;
    /// <summary>rcx (offset 88): the fourth argument.</summary>
    public ulong Rcx;
    /// <summary>rdx (offset 96): the third argument.</summary>
    public ulong Rdx;
    /// <summary>rsi (offset 104): the second argument.</summary>
    public ulong Rsi;
    /// <summary>rdi (offset 112): the first argument.</summary>
    public ulong Rdi;
    /// <summary>orig_rax (offset 120): the system call number on syscall entry.</summary>
    public ulong OrigRax;
    /// <summary>rip (offset 128): the instruction pointer.</summary>
    public ulong Rip;
    /// <summary>cs (offset 136).</summary>
    public ulong Cs;
    /// <summary>eflags (offset 144).</summary>
    public ulong Eflags;
    /// <summary>rsp (offset 152): the stack pointer.</summary>
    public ulong Rsp;
    /// <summary>ss (offset 160).</summary>
    public ulong Ss;

    /// <summary>Argument <paramref name="n"/> (1–6) of the probed function by the System V calling convention (rdi, rsi, rdx,
    /// rcx, r8, r9). <paramref name="n"/> must be a constant: the call compiles to the one register's load.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not 1–6.</exception>
    public readonly ulong Arg(int n) => n switch
    {
        1 => Rdi,
        2 => Rsi,
        3 => Rdx,
        4 => Rcx,
        5 => R8,
        6 => R9,
        _ => throw new ArgumentOutOfRangeException(nameof(n), "x86-64 passes arguments 1-6 in registers."),
    };

    /// <summary>The probed function's return value in a return probe (rax, offset 80).</summary>
    public readonly ulong ReturnValue => Rax;
}
