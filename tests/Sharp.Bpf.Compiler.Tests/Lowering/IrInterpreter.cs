using System.Buffers.Binary;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>Runs an <see cref="IrFunction"/> with eBPF semantics: 64-bit registers, 32-bit ALU results zero-extended,
/// division by zero yields 0 and modulo by zero keeps the dividend, shift counts masked to the width, JMP32 compares the low
/// 32 bits. Stack slots are byte arrays; a stack address is (slot + 1) &lt;&lt; 32 | offset. Reading a register no path has
/// written, or an instruction it does not model, throws: the oracle for the lowering's differential tests.</summary>
internal sealed class IrInterpreter
{
    const long StepLimit = 1_000_000;

    readonly IrFunction function;
    readonly ulong[] registers;
    readonly bool[] written;
    readonly byte[][] stack;

    IrInterpreter(IrFunction function)
    {
        this.function = function;
        registers = new ulong[function.RegisterCount];
        written = new bool[function.RegisterCount];
        stack = [.. function.StackSlots.Select(slot => new byte[slot.Size])];
    }

    /// <summary>The value the function returns for <paramref name="arguments"/> (in canonical register form).</summary>
    public static ulong Run(IrFunction function, params ulong[] arguments)
    {
        if (arguments.Length != function.ParameterCount)
            throw new ArgumentException($"{function.Name} takes {function.ParameterCount} arguments, got {arguments.Length}");
        var interpreter = new IrInterpreter(function);
        for (int i = 0; i < arguments.Length; i++) interpreter.Set(new VReg(i), arguments[i]);
        return interpreter.Execute();
    }

    ulong Execute()
    {
        for (int i = 0; i < function.Blocks.Count; i++)
            if (function.Blocks[i].Id != i) throw new InvalidOperationException($"block {i} has id {function.Blocks[i].Id}");
        int block = 0;
        for (long steps = 0; steps < StepLimit; steps++)
        {
            var current = function.Blocks[block];
            foreach (var instruction in current.Instructions) Execute(instruction);
            switch (current.Terminator)
            {
                case Return ret:
                    return Get(ret.Value);
                case Jump jump:
                    block = jump.Target;
                    break;
                case Branch branch:
                    block = Compare(branch.Condition, branch.Width, Get(branch.Left), Get(branch.Right)) ? branch.True : branch.False;
                    break;
                default:
                    throw new InvalidOperationException($"unknown terminator {current.Terminator}");
            }
        }
        throw new InvalidOperationException($"{function.Name} ran more than {StepLimit} blocks");
    }

    void Execute(IrInstruction instruction)
    {
        switch (instruction)
        {
            case Move move:
                Set(move.Dst, Get(move.Src));
                break;
            case Binary binary:
                Set(binary.Dst, Alu(binary.Op, binary.Width, Get(binary.Left), Get(binary.Right)));
                break;
            case Unary unary:
                ulong operand = Get(unary.Src);
                ulong result = unary.Op == UnaryOp.Neg ? unchecked(0 - operand) : ~operand;
                Set(unary.Dst, unary.Width == Width.W32 ? (uint)result : result);
                break;
            case Extend extend:
                Set(extend.Dst, Extend(Get(extend.Src), extend.FromBits, extend.Signed));
                break;
            case ByteSwap swap:
                ulong value = Get(swap.Src);
                Set(swap.Dst, swap.Bits switch
                {
                    16 => BinaryPrimitives.ReverseEndianness((ushort)value),
                    32 => BinaryPrimitives.ReverseEndianness((uint)value),
                    _ => BinaryPrimitives.ReverseEndianness(value),
                });
                break;
            case LoadStack load:
                Set(load.Dst, Read(stack[load.Slot], load.Offset, load.Size, load.SignExtend));
                break;
            case StoreStack store:
                Write(stack[store.Slot], store.Offset, store.Size, Get(store.Value));
                break;
            case StackAddress address:
                Set(address.Dst, ((ulong)(address.Slot + 1) << 32) | (uint)address.Offset);
                break;
            case Load load:
            {
                var (slot, offset) = Address(Get(load.Base) + (ulong)(long)load.Offset);
                Set(load.Dst, Read(stack[slot], offset, load.Size, load.SignExtend));
                break;
            }
            case Store store:
            {
                var (slot, offset) = Address(Get(store.Base) + (ulong)(long)store.Offset);
                Write(stack[slot], offset, store.Size, Get(store.Value));
                break;
            }
            default:
                throw new NotSupportedException($"the interpreter does not model {instruction.GetType().Name}");
        }
    }

    static ulong Alu(BinaryOp op, Width width, ulong left, ulong right)
    {
        if (width == Width.W32)
        {
            uint l = (uint)left, r = (uint)right;
            return op switch
            {
                BinaryOp.Add => unchecked(l + r),
                BinaryOp.Sub => unchecked(l - r),
                BinaryOp.Mul => unchecked(l * r),
                BinaryOp.UDiv => r == 0 ? 0 : l / r,
                BinaryOp.UMod => r == 0 ? l : l % r,
                BinaryOp.SDiv => r == 0 ? 0 : (int)r == -1 ? unchecked((uint)-(int)l) : (uint)((int)l / (int)r),
                BinaryOp.SMod => r == 0 ? l : (int)r == -1 ? 0 : (uint)((int)l % (int)r),
                BinaryOp.Or => l | r,
                BinaryOp.And => l & r,
                BinaryOp.Xor => l ^ r,
                BinaryOp.Lsh => l << (int)(r & 31),
                BinaryOp.Rsh => l >> (int)(r & 31),
                BinaryOp.Arsh => (uint)((int)l >> (int)(r & 31)),
                _ => throw new NotSupportedException(op.ToString()),
            };
        }
        return op switch
        {
            BinaryOp.Add => unchecked(left + right),
            BinaryOp.Sub => unchecked(left - right),
            BinaryOp.Mul => unchecked(left * right),
            BinaryOp.UDiv => right == 0 ? 0 : left / right,
            BinaryOp.UMod => right == 0 ? left : left % right,
            BinaryOp.SDiv => right == 0 ? 0 : (long)right == -1 ? unchecked((ulong)-(long)left) : (ulong)((long)left / (long)right),
            BinaryOp.SMod => right == 0 ? left : (long)right == -1 ? 0 : (ulong)((long)left % (long)right),
            BinaryOp.Or => left | right,
            BinaryOp.And => left & right,
            BinaryOp.Xor => left ^ right,
            BinaryOp.Lsh => left << (int)(right & 63),
            BinaryOp.Rsh => left >> (int)(right & 63),
            BinaryOp.Arsh => (ulong)((long)left >> (int)(right & 63)),
            _ => throw new NotSupportedException(op.ToString()),
        };
    }

    static bool Compare(Condition condition, Width width, ulong left, ulong right)
    {
        if (width == Width.W32)
        {
            uint l = (uint)left, r = (uint)right;
            return condition switch
            {
                Condition.Eq => l == r,
                Condition.Ne => l != r,
                Condition.Ugt => l > r,
                Condition.Uge => l >= r,
                Condition.Ult => l < r,
                Condition.Ule => l <= r,
                Condition.Sgt => (int)l > (int)r,
                Condition.Sge => (int)l >= (int)r,
                Condition.Slt => (int)l < (int)r,
                Condition.Sle => (int)l <= (int)r,
                _ => (l & r) != 0,
            };
        }
        return condition switch
        {
            Condition.Eq => left == right,
            Condition.Ne => left != right,
            Condition.Ugt => left > right,
            Condition.Uge => left >= right,
            Condition.Ult => left < right,
            Condition.Ule => left <= right,
            Condition.Sgt => (long)left > (long)right,
            Condition.Sge => (long)left >= (long)right,
            Condition.Slt => (long)left < (long)right,
            Condition.Sle => (long)left <= (long)right,
            _ => (left & right) != 0,
        };
    }

    static ulong Extend(ulong value, int bits, bool signed)
    {
        int shift = 64 - bits;
        return signed ? (ulong)((long)(value << shift) >> shift) : value << shift >> shift;
    }

    static ulong Read(byte[] memory, int offset, int size, bool signExtend)
    {
        ulong value = 0;
        for (int i = size - 1; i >= 0; i--) value = (value << 8) | memory[offset + i];
        return signExtend ? Extend(value, size * 8, true) : value;
    }

    static void Write(byte[] memory, int offset, int size, ulong value)
    {
        for (int i = 0; i < size; i++) memory[offset + i] = (byte)(value >> (8 * i));
    }

    (int Slot, int Offset) Address(ulong address)
    {
        int slot = (int)(address >> 32) - 1;
        if (slot < 0 || slot >= stack.Length) throw new InvalidOperationException($"0x{address:x} is not a stack address");
        return (slot, (int)(uint)address);
    }

    ulong Get(Operand operand) => operand switch
    {
        Imm imm => (ulong)imm.Value,
        VReg register when !written[register.Id] => throw new InvalidOperationException($"{function.Name} reads {register} before writing it"),
        VReg register => registers[register.Id],
        _ => throw new InvalidOperationException($"unknown operand {operand}"),
    };

    void Set(VReg register, ulong value)
    {
        registers[register.Id] = value;
        written[register.Id] = true;
    }
}
