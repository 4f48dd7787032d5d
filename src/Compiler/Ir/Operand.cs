namespace Sharp.Bpf.Compiler.Ir;

/// <summary>An instruction operand: a virtual register or a constant.</summary>
internal abstract record Operand;

/// <summary>A virtual register: a 64-bit value. <see cref="Id"/>s are dense from 0 within a function; a function's parameters
/// are registers 0..ParameterCount-1 on entry (they arrive in r1..r5). What the register holds (scalar, context, packet,
/// packet end, stack, map value, map) is the lowering's business: the IR never merges two kinds in one register.</summary>
internal sealed record VReg(int Id) : Operand
{
    public override string ToString() => "v" + Id;
}

/// <summary>A 64-bit constant. The backend encodes it as an immediate when it fits 32 bits sign-extended (as BPF does)
/// and with <c>lddw</c> otherwise.</summary>
internal sealed record Imm(long Value) : Operand
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
