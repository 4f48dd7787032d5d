namespace Sharp.Bpf.Compiler.Ir;

/// <summary>Two-operand ALU operations. Division and modulo by zero must never reach the kernel for signed operations,
/// and the lowering proves every divisor non-zero (C# throws, BPF yields 0): see Lowering.</summary>
internal enum BinaryOp
{
    Add, Sub, Mul,
    /// <summary>Unsigned division.</summary>
    UDiv,
    /// <summary>Unsigned modulo.</summary>
    UMod,
    /// <summary>Signed division (ISA v4 <c>sdiv</c>, kernel 6.6; the backend may expand it for v3).</summary>
    SDiv,
    /// <summary>Signed modulo, C#'s sign rule (sign of the dividend), ISA v4 <c>smod</c>.</summary>
    SMod,
    Or, And, Xor,
    /// <summary>Shift left; the count is masked to the width (C# and BPF agree).</summary>
    Lsh,
    /// <summary>Logical shift right.</summary>
    Rsh,
    /// <summary>Arithmetic shift right.</summary>
    Arsh,
}

/// <summary>One-operand ALU operations.</summary>
internal enum UnaryOp
{
    /// <summary>Two's complement negation.</summary>
    Neg,
    /// <summary>Bitwise complement.</summary>
    Not,
}

/// <summary>Branch conditions, as BPF's conditional jumps (U = unsigned, S = signed). <see cref="Set"/> is <c>(a &amp; b) != 0</c>.</summary>
internal enum Condition { Eq, Ne, Ugt, Uge, Ult, Ule, Sgt, Sge, Slt, Sle, Set }

/// <summary>Atomic read-modify-write operations on memory (BPF_ATOMIC).</summary>
internal enum AtomicOp { Add, Or, And, Xor, Exchange, CompareExchange }

/// <summary>Operand widths of ALU operations and comparisons. A 32-bit ALU result is zero-extended to 64 bits (BPF semantics);
/// a 32-bit comparison looks only at the low 32 bits (JMP32).</summary>
internal enum Width { W32, W64 }
