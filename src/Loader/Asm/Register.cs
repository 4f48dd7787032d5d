namespace Sharp.Bpf.Asm;

/// <summary>An eBPF register. R0 holds return values, R1–R5 arguments (clobbered by calls),
/// R6–R9 are callee-saved and R10 is the read-only frame pointer.</summary>
public enum Register : byte
{
    /// <summary>Return value of calls and of the program.</summary>
    R0 = 0,
    /// <summary>First argument; the context pointer at program entry.</summary>
    R1,
    /// <summary>Second argument.</summary>
    R2,
    /// <summary>Third argument.</summary>
    R3,
    /// <summary>Fourth argument.</summary>
    R4,
    /// <summary>Fifth argument.</summary>
    R5,
    /// <summary>Callee-saved.</summary>
    R6,
    /// <summary>Callee-saved.</summary>
    R7,
    /// <summary>Callee-saved.</summary>
    R8,
    /// <summary>Callee-saved.</summary>
    R9,
    /// <summary>Read-only frame pointer (top of the 512-byte stack).</summary>
    R10,
}
