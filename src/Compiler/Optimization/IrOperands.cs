using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>What each IR instruction reads and writes, and rewriting of those operands. Shared by the passes and the backend so
/// that every one of them agrees on the same def/use facts.</summary>
internal static class IrOperands
{
    /// <summary>The register an instruction writes, if any.</summary>
    public static VReg? Defined(IrInstruction instruction) => instruction switch
    {
        Move m => m.Dst,
        Binary b => b.Dst,
        Unary u => u.Dst,
        Extend e => e.Dst,
        ByteSwap s => s.Dst,
        Load l => l.Dst,
        LoadStack l => l.Dst,
        StackAddress a => a.Dst,
        LoadMap m => m.Dst,
        LoadGlobalAddress g => g.Dst,
        LoadFunctionAddress f => f.Dst,
        CallHelper c => c.Dst,
        CallFunction c => c.Dst,
        Atomic a => a.Dst,
        _ => null,
    };

    /// <summary>The operands an instruction reads, registers and constants, in order.</summary>
    public static IEnumerable<Operand> Read(IrInstruction instruction) => instruction switch
    {
        Move m => [m.Src],
        Binary b => [b.Left, b.Right],
        Unary u => [u.Src],
        Extend e => [e.Src],
        ByteSwap s => [s.Src],
        Load l => [l.Base],
        Store s => [s.Base, s.Value],
        StoreStack s => [s.Value],
        CallHelper c => c.Arguments,
        CallFunction c => c.Arguments,
        Atomic a => a.Expected is { } expected ? [a.Base, a.Value, expected] : [a.Base, a.Value],
        _ => [],
    };

    /// <summary>The registers an instruction reads.</summary>
    public static IEnumerable<VReg> Uses(IrInstruction instruction) => Read(instruction).OfType<VReg>();

    /// <summary>The registers a terminator reads.</summary>
    public static IEnumerable<VReg> Uses(Terminator terminator) => terminator switch
    {
        Branch b => b.Right is VReg right ? [b.Left, right] : [b.Left],
        Return { Value: VReg value } => [value],
        _ => [],
    };

    /// <summary>Whether removing the instruction could change behaviour even when its result is unused.</summary>
    public static bool HasSideEffects(IrInstruction instruction) =>
        instruction is Store or StoreStack or CallHelper or CallFunction or Atomic;

    /// <summary>Replaces the registers an instruction reads. A position that must hold a register (a load's base, a byte
    /// swap's source) keeps its register when <paramref name="replace"/> answers a constant.</summary>
    public static IrInstruction ReplaceUses(IrInstruction instruction, Func<VReg, Operand> replace)
    {
        Operand Any(Operand operand) => operand is VReg register ? replace(register) : operand;
        VReg Reg(VReg register) => replace(register) as VReg ?? register;
        return instruction switch
        {
            Move m => m with { Src = Any(m.Src) },
            Binary b => b with { Left = Any(b.Left), Right = Any(b.Right) },
            Unary u => u with { Src = Any(u.Src) },
            Extend e => e with { Src = Any(e.Src) },
            ByteSwap s => s with { Src = Reg(s.Src) },
            Load l => l with { Base = Reg(l.Base) },
            Store s => s with { Base = Reg(s.Base), Value = Any(s.Value) },
            StoreStack s => s with { Value = Any(s.Value) },
            CallHelper c => c with { Arguments = c.Arguments.Select(Any).ToEquatableArray() },
            CallFunction c => c with { Arguments = c.Arguments.Select(Any).ToEquatableArray() },
            Atomic a => a with { Base = Reg(a.Base), Value = Any(a.Value), Expected = a.Expected is { } e ? Any(e) : null },
            _ => instruction,
        };
    }

    /// <summary>Replaces the registers a terminator reads; a branch's left operand stays a register.</summary>
    public static Terminator ReplaceUses(Terminator terminator, Func<VReg, Operand> replace) => terminator switch
    {
        Branch b => b with { Left = replace(b.Left) as VReg ?? b.Left, Right = b.Right is VReg right ? replace(right) : b.Right },
        Return { Value: VReg value } r => r with { Value = replace(value) },
        _ => terminator,
    };

    /// <summary>The instruction writing <paramref name="dst"/> instead of its register (null drops an optional result).</summary>
    public static IrInstruction ReplaceDefined(IrInstruction instruction, VReg? dst) => instruction switch
    {
        Move m => m with { Dst = dst! },
        Binary b => b with { Dst = dst! },
        Unary u => u with { Dst = dst! },
        Extend e => e with { Dst = dst! },
        ByteSwap s => s with { Dst = dst! },
        Load l => l with { Dst = dst! },
        LoadStack l => l with { Dst = dst! },
        StackAddress a => a with { Dst = dst! },
        LoadMap m => m with { Dst = dst! },
        LoadGlobalAddress g => g with { Dst = dst! },
        LoadFunctionAddress f => f with { Dst = dst! },
        CallHelper c => c with { Dst = dst },
        CallFunction c => c with { Dst = dst },
        Atomic a => a with { Dst = dst },
        _ => instruction,
    };

    /// <summary>The blocks a terminator can go to.</summary>
    public static IEnumerable<int> Successors(Terminator terminator) => terminator switch
    {
        Jump j => [j.Target],
        Branch b => [b.True, b.False],
        _ => [],
    };

    /// <summary>The terminator with its targets renamed.</summary>
    public static Terminator Retarget(Terminator terminator, Func<int, int> target) => terminator switch
    {
        Jump j => j with { Target = target(j.Target) },
        Branch b => b with { True = target(b.True), False = target(b.False) },
        _ => terminator,
    };
}
