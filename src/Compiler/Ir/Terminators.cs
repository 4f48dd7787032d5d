namespace Sharp.Bpf.Compiler.Ir;

/// <summary>How a block ends.</summary>
internal abstract record Terminator
{
    public int Line { get; init; } = -1;
}

/// <summary>Unconditional jump to block <see cref="Target"/>.</summary>
internal sealed record Jump(int Target) : Terminator;

/// <summary><c>if (Left Condition Right) goto True; else goto False;</c> at <see cref="Width"/>. A packet bounds check is a
/// 64-bit branch whose operands are the packet-pointer register and the data_end register: the backend keeps it as one
/// register-register compare (the verifier learns the range from exactly that form).</summary>
internal sealed record Branch(Condition Condition, Width Width, VReg Left, Operand Right, int True, int False) : Terminator;

/// <summary>Returns <see cref="Value"/> in r0.</summary>
internal sealed record Return(Operand Value) : Terminator;
