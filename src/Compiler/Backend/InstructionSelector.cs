using Sharp.Bpf.Asm;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Turns allocated, legalized IR into instructions, block by block in layout order: two-address ALU forms, immediates
/// where they fit, parallel moves for parameters and call arguments, fall-through instead of jumps to the next block; stack
/// stores another store overwrites first are left out (<see cref="OverwrittenFrameStores"/>).</summary>
internal sealed class InstructionSelector
{
    static readonly Register[] AnyScratch = [Register.R0, Register.R1, Register.R2, Register.R3, Register.R4, Register.R5, Register.R6, Register.R7, Register.R8, Register.R9];
    static readonly Register[] CallScratch = [Register.R0, Register.R1, Register.R2, Register.R3, Register.R4, Register.R5];

    readonly RegisterAllocator.Result allocation;
    readonly StackLayout stack;
    readonly BackendOptions options;
    readonly List<MachineInstruction> code = [];
    readonly Dictionary<int, int> blockStarts = [];
    readonly Dictionary<int, int> forwarded = [];
    int line = -1;

    InstructionSelector(RegisterAllocator.Result allocation, StackLayout stack, BackendOptions options)
    {
        this.allocation = allocation;
        this.stack = stack;
        this.options = options;
    }

    /// <summary>The instructions, and the index of each block's first instruction (jumps name blocks).</summary>
    public sealed record Selected(List<MachineInstruction> Code, Dictionary<int, int> BlockStarts);

    public static Selected Select(RegisterAllocator.Result allocation, StackLayout stack, BackendOptions options)
    {
        var selector = new InstructionSelector(allocation, stack, options);
        selector.SelectFunction();
        return new Selected(selector.code, selector.blockStarts);
    }

    /// <summary>The shortest way to put a 64-bit constant in a register: <c>mov</c> of a sign-extended 32-bit immediate,
    /// <c>mov32</c> of a zero-extended one, or <c>lddw</c>.</summary>
    public static IEnumerable<Instruction> LoadConstant(Register dst, long value)
    {
        if (Legalizer.FitsImmediate(value)) return [Instruction.Alu64(AluOperation.Mov, dst, (int)value)];
        if (value is >= 0 and <= uint.MaxValue) return [Instruction.Alu32(AluOperation.Mov, dst, (int)(uint)value)];
        return [Instruction.LoadImmediate64(dst, (ulong)value)];
    }

    Register R(VReg register) => allocation.Registers[register.Id];

    /// <summary>The register that carries argument (or parameter) <paramref name="index"/>: r1..r5.</summary>
    public static Register Argument(int index) => (Register)((int)Register.R1 + index);

    void Emit(Instruction instruction, int target = -1) => code.Add(new MachineInstruction(instruction, line, target));

    void Move(Register dst, Register src)
    {
        if (dst != src) Emit(Instruction.Alu64(AluOperation.Mov, dst, src));
    }

    void MoveOperand(Register dst, Operand src)
    {
        if (src is VReg register) Move(dst, R(register));
        else foreach (var instruction in LoadConstant(dst, ((Imm)src).Value)) Emit(instruction);
    }

    void SelectFunction()
    {
        var function = allocation.Function;
        FindForwardedBlocks();
        var order = allocation.Intervals.Order.Where(b => !forwarded.ContainsKey(b)).ToList();
        ParallelMove.Emit(
            [.. allocation.Intervals.EntryParameters.Select(p => (R(p), Argument(p.Id)))], [], AnyScratch, i => Emit(i));
        for (int i = 0; i < order.Count; i++)
        {
            var block = function.Blocks[order[i]];
            blockStarts[block.Id] = code.Count;
            var overwritten = OverwrittenFrameStores.Find(block, stack);
            for (int k = 0; k < block.Instructions.Count; k++)
            {
                if (overwritten[k]) continue;
                var instruction = block.Instructions[k];
                if (instruction.Line >= 0) line = instruction.Line;
                Select(instruction);
            }
            if (block.Terminator.Line >= 0) line = block.Terminator.Line;
            SelectTerminator(block.Terminator, i + 1 < order.Count ? order[i + 1] : -1);
        }
    }

    /// <summary>Blocks that emit nothing but a jump once registers are allocated (their moves became moves of a register to
    /// itself): jumps to them go straight to where they lead, and they are not laid out. The entry block stays.</summary>
    void FindForwardedBlocks()
    {
        var function = allocation.Function;
        var order = allocation.Intervals.Order;
        bool Empty(Block block) => block.Terminator is Jump && block.Instructions.All(i => i is Move { Src: VReg src } m && R(src) == R(m.Dst));
        foreach (int b in order.Skip(1))
        {
            if (!Empty(function.Blocks[b])) continue;
            var seen = new HashSet<int> { b };
            int target = ((Jump)function.Blocks[b].Terminator).Target;
            while (target != order[0] && Empty(function.Blocks[target]) && seen.Add(target))
                target = ((Jump)function.Blocks[target].Terminator).Target;
            if (!seen.Contains(target)) forwarded[b] = target;
        }
    }

    /// <summary>Where a jump to <paramref name="block"/> goes.</summary>
    int Destination(int block) => forwarded.TryGetValue(block, out int target) ? target : block;

    void Select(IrInstruction instruction)
    {
        switch (instruction)
        {
            case Move m:
                MoveOperand(R(m.Dst), m.Src);
                break;
            case Binary b:
                SelectBinary(b);
                break;
            case Unary u:
                MoveOperand(R(u.Dst), u.Src);
                Emit(u.Op == UnaryOp.Neg
                    ? Instruction.Negate(R(u.Dst), u.Width == Width.W64)
                    : Alu(u.Width, AluOperation.Xor, R(u.Dst), -1));
                break;
            case Extend e:
                SelectExtend(e);
                break;
            case ByteSwap s:
                Move(R(s.Dst), R(s.Src));
                Emit(Instruction.ToEndian(R(s.Dst), s.Bits, bigEndian: true));
                break;
            case Load l:
                Emit(Instruction.Load(Size(l.Size), R(l.Dst), R(l.Base), l.Offset, l.SignExtend));
                break;
            case Store s:
                Emit(s.Value is VReg value
                    ? Instruction.Store(Size(s.Size), R(s.Base), s.Offset, R(value))
                    : Instruction.Store(Size(s.Size), R(s.Base), s.Offset, (int)((Imm)s.Value).Value));
                break;
            case LoadStack l:
                Emit(Instruction.Load(Size(l.Size), R(l.Dst), Register.R10, StackOffset(l.Slot, l.Offset), l.SignExtend));
                break;
            case StoreStack s:
                Emit(s.Value is VReg stored
                    ? Instruction.Store(Size(s.Size), Register.R10, StackOffset(s.Slot, s.Offset), R(stored))
                    : Instruction.Store(Size(s.Size), Register.R10, StackOffset(s.Slot, s.Offset), (int)((Imm)s.Value).Value));
                break;
            case StackAddress a:
                Emit(Instruction.Alu64(AluOperation.Mov, R(a.Dst), Register.R10));
                Emit(Instruction.Alu64(AluOperation.Add, R(a.Dst), StackOffset(a.Slot, a.Offset)));
                break;
            case LoadMap m:
                code.Add(new MachineInstruction(Instruction.LoadImmediate64(R(m.Dst), 0), line) { Reference = ReferenceKind.Map, ReferenceName = m.MapName });
                break;
            case LoadGlobalAddress g:
                code.Add(new MachineInstruction(Instruction.LoadImmediate64(R(g.Dst), 0), line)
                    { Reference = ReferenceKind.Global, ReferenceName = g.GlobalName, ReferenceOffset = g.Offset });
                break;
            case LoadFunctionAddress f:
                code.Add(new MachineInstruction(Instruction.LoadImmediate64(R(f.Dst), 0), line) { Reference = ReferenceKind.SubprogramAddress, ReferenceName = f.Function });
                break;
            case CallHelper c:
                PassArguments(c.Arguments);
                Emit(Instruction.CallHelper(c.HelperId));
                if (c.Dst is { } helperResult) Move(R(helperResult), Register.R0);
                break;
            case CallFunction c:
                PassArguments(c.Arguments);
                code.Add(new MachineInstruction(Instruction.CallLocal(-1), line) { Reference = ReferenceKind.Subprogram, ReferenceName = c.Callee });
                if (c.Dst is { } callResult) Move(R(callResult), Register.R0);
                break;
            case Atomic a:
                SelectAtomic(a);
                break;
            default:
                throw new InvalidOperationException($"no instruction selection for {instruction.GetType().Name}");
        }
    }

    void SelectBinary(Binary b)
    {
        var dst = R(b.Dst);
        if (b.Op is BinaryOp.SDiv or BinaryOp.SMod)
        {
            if (!options.IsaV4) throw new InvalidOperationException("signed division reached instruction selection without ISA v4");
            MoveOperand(dst, b.Left);
            var op = b.Op == BinaryOp.SDiv ? AluOperation.Div : AluOperation.Mod;
            Emit(b.Right is VReg divisor
                ? Instruction.Signed(op, dst, R(divisor), b.Width == Width.W64)
                : Instruction.Signed(op, dst, (int)((Imm)b.Right).Value, b.Width == Width.W64));
            return;
        }
        var operation = Operation(b.Op);
        if (b.Right is VReg right && R(right) == dst && b.Left is VReg left && R(left) != dst)
        {
            // The result overwrites the right operand's register: only possible for commutative operations.
            Emit(Alu(b.Width, operation, dst, R(left)));
            return;
        }
        MoveOperand(dst, b.Left);
        if (b.Right is VReg source)
            Emit(Alu(b.Width, operation, dst, R(source)));
        else
        {
            long value = ((Imm)b.Right).Value;
            if (b.Op is BinaryOp.Lsh or BinaryOp.Rsh or BinaryOp.Arsh) value &= b.Width == Width.W64 ? 63 : 31;
            Emit(Alu(b.Width, operation, dst, (int)value));
        }
    }

    void SelectExtend(Extend e)
    {
        var dst = R(e.Dst);
        if (e.Src is Imm { Value: var value })
        {
            long extended = (e.FromBits, e.Signed) switch
            {
                (8, true) => (sbyte)value, (16, true) => (short)value, (32, true) => (int)value,
                (8, false) => (byte)value, (16, false) => (ushort)value, (32, false) => (uint)value,
                _ => value,
            };
            foreach (var instruction in LoadConstant(dst, extended)) Emit(instruction);
            return;
        }
        var src = R((VReg)e.Src);
        if (e.FromBits >= 64)
            Move(dst, src);
        else if (e.Signed)
            Emit(Instruction.MoveSignExtend(dst, src, e.FromBits));
        else if (e.FromBits == 32)
            Emit(Instruction.Alu32(AluOperation.Mov, dst, src));
        else
        {
            Move(dst, src);
            Emit(Instruction.Alu64(AluOperation.And, dst, e.FromBits == 8 ? 0xff : 0xffff));
        }
    }

    void SelectAtomic(Atomic a)
    {
        var size = Size(a.Size);
        var value = R((VReg)a.Value);
        if (a.Op == AtomicOp.CompareExchange)
        {
            MoveOperand(Register.R0, a.Expected ?? throw new InvalidOperationException("compare-exchange without an expected value"));
            Emit(Instruction.Atomic(AtomicOperation.CompareExchange, size, R(a.Base), a.Offset, value));
            if (a.Dst is { } old) Move(R(old), Register.R0);
            return;
        }
        if (a.Dst is null && a.Op != AtomicOp.Exchange)
        {
            Emit(Instruction.Atomic(AtomicOperationOf(a.Op, fetch: false), size, R(a.Base), a.Offset, value));
            return;
        }
        var dst = a.Dst is { } fetched ? R(fetched) : throw new InvalidOperationException("exchange without a destination");
        Move(dst, value);
        Emit(Instruction.Atomic(AtomicOperationOf(a.Op, fetch: true), size, R(a.Base), a.Offset, dst));
    }

    void PassArguments(EquatableArray<Operand> arguments)
    {
        if (arguments.Count > 5) throw new InvalidOperationException($"a call with {arguments.Count} arguments; eBPF passes at most 5");
        var moves = new List<(Register, Register)>();
        var constants = new List<(Register, long)>();
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is VReg register) moves.Add((Argument(i), R(register)));
            else constants.Add((Argument(i), ((Imm)arguments[i]).Value));
        }
        ParallelMove.Emit(moves, constants, CallScratch, i => Emit(i));
    }

    void SelectTerminator(Terminator terminator, int next)
    {
        switch (terminator)
        {
            case Jump j:
                if (Destination(j.Target) != next) Emit(Instruction.Goto(0), Destination(j.Target));
                break;
            case Branch b:
                SelectBranch(b, next);
                break;
            case Return r:
                MoveOperand(Register.R0, r.Value);
                Emit(Instruction.Exit());
                break;
        }
    }

    void SelectBranch(Branch b, int next)
    {
        int taken = Destination(b.True), otherwise = Destination(b.False);
        if (taken == otherwise)
        {
            if (taken != next) Emit(Instruction.Goto(0), taken);
            return;
        }
        var condition = b.Condition;
        if (taken == next && Inverse(condition) is { } inverse)
            (condition, taken, otherwise) = (inverse, otherwise, taken);
        bool is64 = b.Width == Width.W64;
        var left = R(b.Left);
        Emit(b.Right is VReg right
            ? Instruction.Jump(Jump(condition), left, R(right), 0, is64)
            : Instruction.Jump(Jump(condition), left, (int)((Imm)b.Right).Value, 0, is64), taken);
        if (otherwise != next) Emit(Instruction.Goto(0), otherwise);
    }

    short StackOffset(int slot, int offset) => checked((short)(stack.Offsets[slot] + offset));

    static Instruction Alu(Width width, AluOperation operation, Register dst, Register src) =>
        width == Width.W64 ? Instruction.Alu64(operation, dst, src) : Instruction.Alu32(operation, dst, src);

    static Instruction Alu(Width width, AluOperation operation, Register dst, int immediate) =>
        width == Width.W64 ? Instruction.Alu64(operation, dst, immediate) : Instruction.Alu32(operation, dst, immediate);

    static MemorySize Size(int bytes) => bytes switch
    {
        1 => MemorySize.Byte,
        2 => MemorySize.Half,
        4 => MemorySize.Word,
        8 => MemorySize.DoubleWord,
        _ => throw new InvalidOperationException($"memory access of {bytes} bytes; eBPF accesses 1, 2, 4 or 8"),
    };

    static AluOperation Operation(BinaryOp op) => op switch
    {
        BinaryOp.Add => AluOperation.Add,
        BinaryOp.Sub => AluOperation.Sub,
        BinaryOp.Mul => AluOperation.Mul,
        BinaryOp.UDiv => AluOperation.Div,
        BinaryOp.UMod => AluOperation.Mod,
        BinaryOp.Or => AluOperation.Or,
        BinaryOp.And => AluOperation.And,
        BinaryOp.Xor => AluOperation.Xor,
        BinaryOp.Lsh => AluOperation.Lsh,
        BinaryOp.Rsh => AluOperation.Rsh,
        BinaryOp.Arsh => AluOperation.Arsh,
        _ => throw new InvalidOperationException($"no ALU operation for {op}"),
    };

    static AtomicOperation AtomicOperationOf(AtomicOp op, bool fetch) => (op, fetch) switch
    {
        (Ir.AtomicOp.Add, false) => AtomicOperation.Add,
        (Ir.AtomicOp.Or, false) => AtomicOperation.Or,
        (Ir.AtomicOp.And, false) => AtomicOperation.And,
        (Ir.AtomicOp.Xor, false) => AtomicOperation.Xor,
        (Ir.AtomicOp.Add, true) => AtomicOperation.FetchAdd,
        (Ir.AtomicOp.Or, true) => AtomicOperation.FetchOr,
        (Ir.AtomicOp.And, true) => AtomicOperation.FetchAnd,
        (Ir.AtomicOp.Xor, true) => AtomicOperation.FetchXor,
        (Ir.AtomicOp.Exchange, _) => AtomicOperation.Exchange,
        _ => throw new InvalidOperationException($"no atomic operation for {op}"),
    };

    public static JumpOperation Jump(Condition condition) => condition switch
    {
        Condition.Eq => JumpOperation.Jeq,
        Condition.Ne => JumpOperation.Jne,
        Condition.Ugt => JumpOperation.Jgt,
        Condition.Uge => JumpOperation.Jge,
        Condition.Ult => JumpOperation.Jlt,
        Condition.Ule => JumpOperation.Jle,
        Condition.Sgt => JumpOperation.Jsgt,
        Condition.Sge => JumpOperation.Jsge,
        Condition.Slt => JumpOperation.Jslt,
        Condition.Sle => JumpOperation.Jsle,
        _ => JumpOperation.Jset,
    };

    /// <summary>The condition that holds exactly when <paramref name="condition"/> does not; none for <see cref="Condition.Set"/>.</summary>
    public static Condition? Inverse(Condition condition) => condition switch
    {
        Condition.Eq => Condition.Ne,
        Condition.Ne => Condition.Eq,
        Condition.Ugt => Condition.Ule,
        Condition.Ule => Condition.Ugt,
        Condition.Uge => Condition.Ult,
        Condition.Ult => Condition.Uge,
        Condition.Sgt => Condition.Sle,
        Condition.Sle => Condition.Sgt,
        Condition.Sge => Condition.Slt,
        Condition.Slt => Condition.Sge,
        _ => null,
    };
}
