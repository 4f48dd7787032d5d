using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Rewrites IR into the shapes instruction selection encodes one-for-one: constants that no immediate field can hold
/// move into registers, ISA v3 expansions of signed division and sign extension, and an entry block no branch goes back to
/// (so the parameters can be moved out of r1..r5 once).</summary>
internal static class Legalizer
{
    public static IrFunction Legalize(IrFunction function, BackendOptions options)
    {
        function = WithFreshEntry(function);
        int registerCount = function.RegisterCount;
        VReg NewRegister() => new(registerCount++);
        var blocks = new List<Block>();
        foreach (var block in function.Blocks)
        {
            var output = new List<IrInstruction>();
            foreach (var instruction in block.Instructions)
                Legalize(instruction, output, function.ParameterCount, options, NewRegister);
            var terminator = block.Terminator;
            if (terminator is Branch { Width: Width.W64, Right: Imm { Value: var value } } branch && !FitsImmediate(value))
            {
                var register = NewRegister();
                output.Add(new Move(register, branch.Right) { Line = branch.Line });
                terminator = branch with { Right = register };
            }
            blocks.Add(block with { Instructions = output.ToEquatableArray(), Terminator = terminator });
        }
        return function with { RegisterCount = registerCount, Blocks = blocks.ToEquatableArray() };
    }

    /// <summary>Whether a 64-bit operation can take the constant as its sign-extended 32-bit immediate.</summary>
    public static bool FitsImmediate(long value) => value is >= int.MinValue and <= int.MaxValue;

    static IrFunction WithFreshEntry(IrFunction function)
    {
        if (!function.Blocks.Any(block => IrOperands.Successors(block.Terminator).Contains(0))) return function;
        var blocks = new List<Block> { new(0, EquatableArray<IrInstruction>.Empty, new Jump(1)) };
        foreach (var block in function.Blocks)
            blocks.Add(new Block(block.Id + 1, block.Instructions, IrOperands.Retarget(block.Terminator, target => target + 1)));
        return function with { Blocks = blocks.ToEquatableArray() };
    }

    static void Legalize(IrInstruction instruction, List<IrInstruction> output, int parameterCount, BackendOptions options, Func<VReg> newRegister)
    {
        int line = instruction.Line;
        Operand InRegister(Operand operand)
        {
            if (operand is VReg) return operand;
            var register = newRegister();
            output.Add(new Move(register, operand) { Line = line });
            return register;
        }
        switch (instruction)
        {
            case Binary { Op: BinaryOp.SDiv or BinaryOp.SMod } division when !options.IsaV4:
            {
                var expanded = new List<IrInstruction>();
                ExpandSignedDivision(division, expanded, newRegister);
                foreach (var part in expanded) Legalize(part, output, parameterCount, options, newRegister);
                return;
            }
            // Two-address form writes the destination before reading the right operand (or an atomic's base): when they are
            // the same register, compute into a fresh one and copy.
            case Binary { Right: VReg right } binary when right == binary.Dst && binary.Left != binary.Right && !IsCommutative(binary.Op)
                && !(binary.Op is BinaryOp.SDiv or BinaryOp.SMod && !options.IsaV4):
            {
                var result = newRegister();
                Legalize(binary with { Dst = result }, output, parameterCount, options, newRegister);
                output.Add(new Move(binary.Dst, result) { Line = line });
                return;
            }
            case Atomic { Dst: { } fetched } atomic when fetched == atomic.Base && atomic.Op != AtomicOp.CompareExchange:
            {
                var result = newRegister();
                Legalize(atomic with { Dst = result }, output, parameterCount, options, newRegister);
                output.Add(new Move(fetched, result) { Line = line });
                return;
            }
            case Binary { Left: Imm, Right: VReg } binary when IsCommutative(binary.Op):
                Legalize(binary with { Left = binary.Right, Right = binary.Left }, output, parameterCount, options, newRegister);
                return;
            case Binary { Width: Width.W64, Right: Imm { Value: var value } } binary when !FitsImmediate(value) && !IsShift(binary.Op):
                output.Add(binary with { Right = InRegister(binary.Right) });
                return;
            case Extend { Signed: true, FromBits: var bits } extend when !options.IsaV4:
                ExpandSignExtension(extend.Dst, extend.Src, bits, line, output, newRegister);
                return;
            case Load { SignExtend: true } load when !options.IsaV4:
            {
                var loaded = newRegister();
                output.Add(load with { Dst = loaded, SignExtend = false });
                ExpandSignExtension(load.Dst, loaded, load.Size * 8, line, output, newRegister);
                return;
            }
            case LoadStack { SignExtend: true } load when !options.IsaV4:
            {
                var loaded = newRegister();
                output.Add(load with { Dst = loaded, SignExtend = false });
                ExpandSignExtension(load.Dst, loaded, load.Size * 8, line, output, newRegister);
                return;
            }
            case LoadStack { SignExtend: true, Size: 8 } load:
                output.Add(load with { SignExtend = false });
                return;
            case Load { SignExtend: true, Size: 8 } load:
                output.Add(load with { SignExtend = false });
                return;
            // BPF_ST into the context is refused by the verifier, and a parameter may be the context: store from a register.
            case Store { Value: Imm { Value: var value } } store when store.Size == 8 && !FitsImmediate(value) || store.Base.Id < parameterCount:
                output.Add(store with { Value = InRegister(store.Value) });
                return;
            case StoreStack { Value: Imm { Value: var value }, Size: 8 } store when !FitsImmediate(value):
                output.Add(store with { Value = InRegister(store.Value) });
                return;
            // An exchange always writes the old value into its source register: give it one of its own.
            case Atomic atomic when atomic.Value is Imm || atomic is { Op: AtomicOp.Exchange, Dst: null }:
                output.Add(atomic with
                {
                    Value = InRegister(atomic.Value),
                    Dst = atomic.Dst ?? (atomic.Op == AtomicOp.Exchange ? newRegister() : null),
                });
                return;
            default:
                output.Add(instruction);
                return;
        }
    }

    static bool IsCommutative(BinaryOp op) => op is BinaryOp.Add or BinaryOp.Mul or BinaryOp.And or BinaryOp.Or or BinaryOp.Xor;

    static bool IsShift(BinaryOp op) => op is BinaryOp.Lsh or BinaryOp.Rsh or BinaryOp.Arsh;

    /// <summary>Sign extension without ISA v4's <c>movsx</c>: shift the value's sign bit to bit 63 and back arithmetically.</summary>
    static void ExpandSignExtension(VReg dst, Operand src, int bits, int line, List<IrInstruction> output, Func<VReg> newRegister)
    {
        if (src is Imm { Value: var value })
        {
            output.Add(new Move(dst, new Imm(bits switch { 8 => (sbyte)value, 16 => (short)value, 32 => (int)value, _ => value })) { Line = line });
            return;
        }
        if (bits == 64)
        {
            output.Add(new Move(dst, src) { Line = line });
            return;
        }
        var shifted = newRegister();
        output.Add(new Binary(BinaryOp.Lsh, Width.W64, shifted, src, new Imm(64 - bits)) { Line = line });
        output.Add(new Binary(BinaryOp.Arsh, Width.W64, dst, shifted, new Imm(64 - bits)) { Line = line });
    }

    /// <summary>Signed division and modulo without ISA v4's <c>sdiv</c>/<c>smod</c>: divide the magnitudes unsigned, then give the
    /// quotient the sign of <c>a ^ b</c> and the remainder the sign of the dividend (C#'s rules). Branch-free, with
    /// <c>s = x &gt;&gt; (width-1)</c> (0 or -1) and <c>|x| = (x ^ s) - s</c>; MinValue's magnitude is exact as an unsigned value.</summary>
    static void ExpandSignedDivision(Binary division, List<IrInstruction> output, Func<VReg> newRegister)
    {
        var width = division.Width;
        int line = division.Line;
        int signShift = width == Width.W32 ? 31 : 63;
        void Emit(IrInstruction instruction) => output.Add(instruction with { Line = line });
        VReg Op(BinaryOp op, Operand left, Operand right)
        {
            var result = newRegister();
            Emit(new Binary(op, width, result, left, right));
            return result;
        }
        (Operand Sign, Operand Magnitude) SignAndMagnitude(Operand value)
        {
            if (value is Imm { Value: var constant })
            {
                long signed = width == Width.W32 ? (int)constant : constant;
                long magnitude = signed < 0 ? -signed : signed;
                return (new Imm(signed < 0 ? -1 : 0), new Imm(width == Width.W32 ? (long)(uint)magnitude : magnitude));
            }
            var sign = Op(BinaryOp.Arsh, value, new Imm(signShift));
            var flipped = Op(BinaryOp.Xor, value, sign);
            return (sign, Op(BinaryOp.Sub, flipped, sign));
        }
        var (dividendSign, dividendMagnitude) = SignAndMagnitude(division.Left);
        var (divisorSign, divisorMagnitude) = SignAndMagnitude(division.Right);
        bool quotient = division.Op == BinaryOp.SDiv;
        var magnitude = Op(quotient ? BinaryOp.UDiv : BinaryOp.UMod, dividendMagnitude, divisorMagnitude);
        Operand resultSign = dividendSign;
        if (quotient)
            resultSign = divisorSign switch
            {
                Imm { Value: 0 } => dividendSign,
                Imm => dividendSign is Imm { Value: var s } ? new Imm(~s) : NotOf(dividendSign),
                _ => dividendSign is Imm { Value: 0 } ? divisorSign : Op(BinaryOp.Xor, dividendSign, divisorSign),
            };
        if (resultSign is Imm { Value: 0 })
        {
            Emit(new Move(division.Dst, magnitude));
            return;
        }
        if (resultSign is Imm { Value: -1 })
        {
            Emit(new Unary(UnaryOp.Neg, width, division.Dst, magnitude));
            return;
        }
        var signed = Op(BinaryOp.Xor, magnitude, resultSign);
        Emit(new Binary(BinaryOp.Sub, width, division.Dst, signed, resultSign));

        Operand NotOf(Operand value)
        {
            var result = newRegister();
            Emit(new Unary(UnaryOp.Not, width, result, value));
            return result;
        }
    }
}
