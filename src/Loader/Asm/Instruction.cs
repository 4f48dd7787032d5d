using System.Buffers.Binary;

namespace Sharp.Bpf.Asm;

/// <summary>
/// One eBPF instruction (RFC 9669). A 64-bit immediate load (<c>lddw</c>) is one
/// <see cref="Instruction"/> that occupies two 8-byte slots; everything else occupies one.
/// </summary>
/// <remarks>
/// The value holds the raw fields; the factories build only valid encodings, and
/// <see cref="InstructionDecoder"/> produces only valid ones. A value built with the
/// constructor is checked by <see cref="Validate"/> and by <see cref="InstructionEncoder"/>.
/// </remarks>
public readonly record struct Instruction
{
    /// <summary>Size of one instruction slot in bytes.</summary>
    public const int SlotSize = 8;

    /// <summary>The 8-bit opcode.</summary>
    public byte Opcode { get; init; }
    /// <summary>The destination register field.</summary>
    public Register Destination { get; init; }
    /// <summary>The source register field (for <c>lddw</c> the <see cref="LoadImmediateKind"/>, for calls the <see cref="CallKind"/>).</summary>
    public Register Source { get; init; }
    /// <summary>The signed 16-bit offset field.</summary>
    public short Offset { get; init; }
    /// <summary>The signed 32-bit immediate field.</summary>
    public int Immediate { get; init; }
    /// <summary>For <c>lddw</c>: the immediate of the second slot (the high 32 bits); otherwise 0.</summary>
    public int NextImmediate { get; init; }

    /// <summary>Creates an instruction from raw fields.</summary>
    public Instruction(byte opcode, Register destination, Register source, short offset, int immediate, int nextImmediate = 0)
    {
        Opcode = opcode;
        Destination = destination;
        Source = source;
        Offset = offset;
        Immediate = immediate;
        NextImmediate = nextImmediate;
    }

    /// <summary>The instruction class (low three bits of the opcode).</summary>
    public InstructionClass Class => (InstructionClass)(Opcode & 0x07);
    /// <summary>True for ALU and ALU64.</summary>
    public bool IsArithmetic => Class is InstructionClass.Alu or InstructionClass.Alu64;
    /// <summary>True for JMP and JMP32.</summary>
    public bool IsJumpClass => Class is InstructionClass.Jmp or InstructionClass.Jmp32;
    /// <summary>True for LD, LDX, ST, STX.</summary>
    public bool IsMemory => !IsArithmetic && !IsJumpClass;
    /// <summary>For arithmetic and jumps: the source bit says the operand is <see cref="Source"/> rather than <see cref="Immediate"/>.</summary>
    public bool UsesRegisterOperand => (Opcode & 0x08) != 0;
    /// <summary>The ALU operation of an arithmetic instruction.</summary>
    public AluOperation AluOperation => (AluOperation)(Opcode & 0xf0);
    /// <summary>The jump operation of a JMP/JMP32 instruction.</summary>
    public JumpOperation JumpOperation => (JumpOperation)(Opcode & 0xf0);
    /// <summary>The size field of a load or store.</summary>
    public MemorySize Size => (MemorySize)(Opcode & 0x18);
    /// <summary>The mode field of a load or store.</summary>
    public MemoryMode Mode => (MemoryMode)(Opcode & 0xe0);
    /// <summary>True for the two-slot 64-bit immediate load.</summary>
    public bool IsWide => Opcode == WideOpcode;
    /// <summary>Number of 8-byte slots: 2 for <c>lddw</c>, otherwise 1.</summary>
    public int SlotCount => IsWide ? 2 : 1;
    /// <summary>For <c>lddw</c>: the full 64-bit immediate.</summary>
    public ulong Immediate64 => (uint)Immediate | ((ulong)(uint)NextImmediate << 32);
    /// <summary>For <c>lddw</c>: what the immediate means.</summary>
    public LoadImmediateKind LoadImmediateKind => (LoadImmediateKind)Source;
    /// <summary>For <c>call</c>: what the immediate names.</summary>
    public CallKind CallKind => (CallKind)Source;
    /// <summary>For atomics: the operation in the immediate.</summary>
    public AtomicOperation AtomicOperation => (AtomicOperation)Immediate;
    /// <summary>True for <c>call</c> (helper, local or kfunc).</summary>
    public bool IsCall => Opcode == (byte)((byte)InstructionClass.Jmp | (byte)JumpOperation.Call);
    /// <summary>True for <c>callx</c>, a call through the address in <see cref="Destination"/>.</summary>
    public bool IsCallRegister => Opcode == (byte)((byte)InstructionClass.Jmp | (byte)JumpOperation.Call | 0x08);
    /// <summary>True for <c>exit</c>.</summary>
    public bool IsExit => Opcode == (byte)((byte)InstructionClass.Jmp | (byte)JumpOperation.Exit);
    /// <summary>True for conditional and unconditional jumps (not calls or exit).</summary>
    public bool IsBranch => IsJumpClass && JumpOperation is not (JumpOperation.Call or JumpOperation.Exit);
    /// <summary>True for the 32-bit-offset unconditional jump <c>gotol</c> (ISA v4).</summary>
    public bool IsLongJump => Opcode == (byte)((byte)InstructionClass.Jmp32 | (byte)JumpOperation.Ja);

    /// <summary>For a branch, <c>gotol</c> or local call: the slot offset from the next instruction.</summary>
    public int BranchDisplacement => IsLongJump || IsCall ? Immediate : Offset;

    internal const byte WideOpcode = (byte)InstructionClass.Ld | (byte)MemorySize.DoubleWord | (byte)MemoryMode.Immediate;

    /// <summary>Checks the fields against RFC 9669 and returns null when valid, otherwise the reason.</summary>
    public string? Validate() => InstructionRules.Check(this);

    /// <summary>Writes the instruction's one or two slots in little-endian order.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="SlotCount"/> slots.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < SlotCount * SlotSize)
            throw new ArgumentException($"need {SlotCount * SlotSize} bytes, have {destination.Length}", nameof(destination));
        destination[0] = Opcode;
        destination[1] = (byte)(((byte)Source << 4) | (byte)Destination);
        BinaryPrimitives.WriteInt16LittleEndian(destination[2..], Offset);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], Immediate);
        if (IsWide)
        {
            destination.Slice(8, 4).Clear();
            BinaryPrimitives.WriteInt32LittleEndian(destination[12..], NextImmediate);
        }
    }

    // ---- factories -------------------------------------------------------------------

    static byte Op(InstructionClass cls, byte operation, bool register) => (byte)((byte)cls | operation | (register ? 0x08 : 0));

    /// <summary><c>dst op= imm</c> in 64 bits (for <see cref="AluOperation.Neg"/> pass 0).</summary>
    public static Instruction Alu64(AluOperation operation, Register destination, int immediate) =>
        new(Op(InstructionClass.Alu64, (byte)operation, false), destination, Register.R0, 0, immediate);
    /// <summary><c>dst op= src</c> in 64 bits.</summary>
    public static Instruction Alu64(AluOperation operation, Register destination, Register source) =>
        new(Op(InstructionClass.Alu64, (byte)operation, true), destination, source, 0, 0);
    /// <summary><c>dst op= imm</c> in 32 bits (upper half zeroed).</summary>
    public static Instruction Alu32(AluOperation operation, Register destination, int immediate) =>
        new(Op(InstructionClass.Alu, (byte)operation, false), destination, Register.R0, 0, immediate);
    /// <summary><c>dst op= src</c> in 32 bits (upper half zeroed).</summary>
    public static Instruction Alu32(AluOperation operation, Register destination, Register source) =>
        new(Op(InstructionClass.Alu, (byte)operation, true), destination, source, 0, 0);

    /// <summary><c>dst = -dst</c>, 64 or 32 bits.</summary>
    public static Instruction Negate(Register destination, bool is64 = true) =>
        new(Op(is64 ? InstructionClass.Alu64 : InstructionClass.Alu, (byte)AluOperation.Neg, false), destination, Register.R0, 0, 0);

    /// <summary>Signed division or modulo (ISA v4, Linux 6.6) by a register.</summary>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is not Div or Mod.</exception>
    public static Instruction Signed(AluOperation operation, Register destination, Register source, bool is64 = true) =>
        new(Op(is64 ? InstructionClass.Alu64 : InstructionClass.Alu, (byte)RequireDivMod(operation), true), destination, source, 1, 0);
    /// <summary>Signed division or modulo (ISA v4, Linux 6.6) by an immediate.</summary>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is not Div or Mod.</exception>
    public static Instruction Signed(AluOperation operation, Register destination, int immediate, bool is64 = true) =>
        new(Op(is64 ? InstructionClass.Alu64 : InstructionClass.Alu, (byte)RequireDivMod(operation), false), destination, Register.R0, 1, immediate);

    static AluOperation RequireDivMod(AluOperation operation) => operation is AluOperation.Div or AluOperation.Mod
        ? operation
        : throw new ArgumentException("only Div and Mod have signed forms", nameof(operation));

    /// <summary>Sign-extending move (ISA v4, Linux 6.6): dst = (s64 or s32)(sN)src, N = 8, 16 (both widths) or 32 (64-bit only).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromBits"/> is not a valid width for the class.</exception>
    public static Instruction MoveSignExtend(Register destination, Register source, int fromBits, bool is64 = true)
    {
        if (fromBits is not (8 or 16) && !(is64 && fromBits == 32))
            throw new ArgumentOutOfRangeException(nameof(fromBits), fromBits, is64 ? "must be 8, 16 or 32" : "must be 8 or 16");
        return new(Op(is64 ? InstructionClass.Alu64 : InstructionClass.Alu, (byte)AluOperation.Mov, true), destination, source, (short)fromBits, 0);
    }

    /// <summary>Byte-order conversion to little (<c>le</c>) or big (<c>be</c>) endian of the low <paramref name="bits"/> bits.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not 16, 32 or 64.</exception>
    public static Instruction ToEndian(Register destination, int bits, bool bigEndian) =>
        new(Op(InstructionClass.Alu, (byte)AluOperation.End, bigEndian), destination, Register.R0, 0, RequireSwapWidth(bits));
    /// <summary>Unconditional byte swap of the low <paramref name="bits"/> bits (ISA v4, Linux 6.6).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not 16, 32 or 64.</exception>
    public static Instruction ByteSwap(Register destination, int bits) =>
        new(Op(InstructionClass.Alu64, (byte)AluOperation.End, false), destination, Register.R0, 0, RequireSwapWidth(bits));

    static int RequireSwapWidth(int bits) => bits is 16 or 32 or 64 ? bits : throw new ArgumentOutOfRangeException(nameof(bits), bits, "must be 16, 32 or 64");

    /// <summary>Conditional jump comparing dst with an immediate; <paramref name="is64"/> false selects JMP32.</summary>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is Ja, Call or Exit.</exception>
    public static Instruction Jump(JumpOperation operation, Register destination, int immediate, short offset, bool is64 = true) =>
        new(Op(is64 ? InstructionClass.Jmp : InstructionClass.Jmp32, (byte)RequireCondition(operation), false), destination, Register.R0, offset, immediate);
    /// <summary>Conditional jump comparing dst with src; <paramref name="is64"/> false selects JMP32.</summary>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is Ja, Call or Exit.</exception>
    public static Instruction Jump(JumpOperation operation, Register destination, Register source, short offset, bool is64 = true) =>
        new(Op(is64 ? InstructionClass.Jmp : InstructionClass.Jmp32, (byte)RequireCondition(operation), true), destination, source, offset, 0);

    static JumpOperation RequireCondition(JumpOperation operation) => operation is JumpOperation.Ja or JumpOperation.Call or JumpOperation.Exit
        ? throw new ArgumentException($"{operation} is not a conditional jump", nameof(operation))
        : operation;

    /// <summary><c>goto +offset</c>.</summary>
    public static Instruction Goto(short offset) => new(Op(InstructionClass.Jmp, (byte)JumpOperation.Ja, false), Register.R0, Register.R0, offset, 0);
    /// <summary><c>gotol +offset</c> with a 32-bit offset (ISA v4, Linux 6.6).</summary>
    public static Instruction GotoLong(int offset) => new(Op(InstructionClass.Jmp32, (byte)JumpOperation.Ja, false), Register.R0, Register.R0, 0, offset);
    /// <summary>Call helper number <paramref name="helper"/>.</summary>
    public static Instruction CallHelper(int helper) => new(Op(InstructionClass.Jmp, (byte)JumpOperation.Call, false), Register.R0, (Register)CallKind.Helper, 0, helper);
    /// <summary>BPF-to-BPF call to the function <paramref name="offset"/> slots after the next instruction.</summary>
    public static Instruction CallLocal(int offset) => new(Op(InstructionClass.Jmp, (byte)JumpOperation.Call, false), Register.R0, (Register)CallKind.Local, 0, offset);
    /// <summary>Call kernel function by BTF id (Linux 5.13); <paramref name="btfFdIndex"/> selects module BTF in the fd array.</summary>
    public static Instruction CallKfunc(int btfId, short btfFdIndex = 0) => new(Op(InstructionClass.Jmp, (byte)JumpOperation.Call, false), Register.R0, (Register)CallKind.Kfunc, btfFdIndex, btfId);
    /// <summary>Call the address in <paramref name="target"/> (<c>callx</c>; LLVM emits it, Linux does not accept it).</summary>
    public static Instruction CallRegister(Register target) => new(Op(InstructionClass.Jmp, (byte)JumpOperation.Call, true), target, Register.R0, 0, 0);
    /// <summary>Return r0.</summary>
    public static Instruction Exit() => new(Op(InstructionClass.Jmp, (byte)JumpOperation.Exit, false), Register.R0, Register.R0, 0, 0);

    /// <summary><c>dst = imm64</c>: the two-slot immediate load.</summary>
    public static Instruction LoadImmediate64(Register destination, ulong value) =>
        new(WideOpcode, destination, (Register)LoadImmediateKind.Value, 0, (int)(uint)value, (int)(uint)(value >> 32));
    /// <summary>A two-slot immediate load of the given <paramref name="kind"/> (map fd, map value, variable, code, map index).</summary>
    public static Instruction LoadImmediate64(Register destination, LoadImmediateKind kind, int immediate, int nextImmediate = 0) =>
        new(WideOpcode, destination, (Register)kind, 0, immediate, nextImmediate);

    /// <summary><c>dst = *(size *)(src + offset)</c>, zero- or (ISA v4) sign-extending.</summary>
    public static Instruction Load(MemorySize size, Register destination, Register source, short offset, bool signExtend = false) =>
        new((byte)((byte)InstructionClass.Ldx | (byte)size | (byte)(signExtend ? MemoryMode.MemorySignExtend : MemoryMode.Memory)), destination, source, offset, 0);
    /// <summary><c>*(size *)(dst + offset) = src</c>.</summary>
    public static Instruction Store(MemorySize size, Register destination, short offset, Register source) =>
        new((byte)((byte)InstructionClass.Stx | (byte)size | (byte)MemoryMode.Memory), destination, source, offset, 0);
    /// <summary><c>*(size *)(dst + offset) = imm</c>.</summary>
    public static Instruction Store(MemorySize size, Register destination, short offset, int immediate) =>
        new((byte)((byte)InstructionClass.St | (byte)size | (byte)MemoryMode.Memory), destination, Register.R0, offset, immediate);
    /// <summary>An atomic operation on the word or double word at dst + offset.</summary>
    public static Instruction Atomic(AtomicOperation operation, MemorySize size, Register destination, short offset, Register source) =>
        new((byte)((byte)InstructionClass.Stx | (byte)size | (byte)MemoryMode.Atomic), destination, source, offset, (int)operation);
    /// <summary>Legacy packet load: r0 = ntoh(*(size *)(skb->data + imm)).</summary>
    public static Instruction LoadAbsolute(MemorySize size, int immediate) =>
        new((byte)((byte)InstructionClass.Ld | (byte)size | (byte)MemoryMode.Absolute), Register.R0, Register.R0, 0, immediate);
    /// <summary>Legacy packet load: r0 = ntoh(*(size *)(skb->data + src + imm)).</summary>
    public static Instruction LoadIndirect(MemorySize size, Register source, int immediate) =>
        new((byte)((byte)InstructionClass.Ld | (byte)size | (byte)MemoryMode.Indirect), Register.R0, source, 0, immediate);

    /// <summary>Shows the instruction in llvm-objdump syntax.</summary>
    public override string ToString() => InstructionFormatter.Llvm.Format(this);
}
