using System.Globalization;
using System.Text;

namespace Sharp.Bpf.Compiler.Ir;

/// <summary>A stable text form of an <see cref="IrFunction"/> for snapshot tests and debugging: one line per instruction,
/// blocks labelled <c>bN:</c>, source lines as <c>; @N</c> (the index into <see cref="IrFunction.Lines"/>).</summary>
internal static class IrPrinter
{
    public static string Print(IrFunction function)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"function {function.Name}(params {function.ParameterCount}, registers {function.RegisterCount})\n");
        foreach (var slot in function.StackSlots)
            text.Append(CultureInfo.InvariantCulture, $"  slot{slot.Id}: {slot.Size} bytes, align {slot.Alignment} \"{slot.Name}\"\n");
        foreach (var block in function.Blocks)
        {
            text.Append(CultureInfo.InvariantCulture, $"b{block.Id}:\n");
            foreach (var instruction in block.Instructions)
                AppendLine(text, Print(instruction), instruction.Line);
            AppendLine(text, Print(block.Terminator), block.Terminator.Line);
        }
        return text.ToString();
    }

    public static string Print(IrInstruction instruction) => instruction switch
    {
        Move m => $"{m.Dst} = {m.Src}",
        Binary b => $"{b.Dst} = {Name(b.Op)}.{Bits(b.Width)} {b.Left}, {b.Right}",
        Unary u => $"{u.Dst} = {Name(u.Op)}.{Bits(u.Width)} {u.Src}",
        Extend e => $"{e.Dst} = {(e.Signed ? "sext" : "zext")}{e.FromBits} {e.Src}",
        ByteSwap s => $"{s.Dst} = bswap{s.Bits} {s.Src}",
        Load l => $"{l.Dst} = load{(l.SignExtend ? "s" : "")}{l.Size * 8}{(l.NonNull ? " nonnull" : "")} [{l.Base}{Offset(l.Offset)}]",
        Store s => $"store{s.Size * 8} [{s.Base}{Offset(s.Offset)}], {s.Value}",
        LoadStack l => $"{l.Dst} = load{(l.SignExtend ? "s" : "")}{l.Size * 8} [slot{l.Slot}{Offset(l.Offset)}]",
        StoreStack s => $"store{s.Size * 8} [slot{s.Slot}{Offset(s.Offset)}], {s.Value}",
        StackAddress a => $"{a.Dst} = &slot{a.Slot}{Offset(a.Offset)}",
        LoadMap m => $"{m.Dst} = map {m.MapName}",
        LoadGlobalAddress g => $"{g.Dst} = &{g.GlobalName}{Offset(g.Offset)}",
        LoadFunctionAddress f => $"{f.Dst} = &{f.Function}",
        CallHelper c => $"{Result(c.Dst)}call helper {c.HelperId}({string.Join(", ", c.Arguments)})",
        CallFunction c => $"{Result(c.Dst)}call {c.Callee}({string.Join(", ", c.Arguments)})",
        Atomic a => $"{Result(a.Dst)}atomic{a.Size * 8} {Name(a.Op)} [{a.Base}{Offset(a.Offset)}], {a.Value}{(a.Expected is { } e ? ", expected " + e : "")}",
        _ => instruction.GetType().Name,
    };

    public static string Print(Terminator terminator) => terminator switch
    {
        Jump j => $"jump b{j.Target}",
        Branch b => $"if {Name(b.Condition)}.{Bits(b.Width)} {b.Left}, {b.Right} then b{b.True} else b{b.False}",
        Return r => $"return {r.Value}",
        _ => terminator.GetType().Name,
    };

    static void AppendLine(StringBuilder text, string body, int line)
    {
        text.Append("  ").Append(body);
        if (line >= 0) text.Append(CultureInfo.InvariantCulture, $"  ; @{line}");
        text.Append('\n');
    }

    static string Result(VReg? dst) => dst is null ? "" : dst + " = ";

    static string Bits(Width width) => width == Width.W32 ? "32" : "64";

    static string Offset(long offset) => offset switch
    {
        0 => "",
        > 0 => "+" + offset.ToString(CultureInfo.InvariantCulture),
        _ => offset.ToString(CultureInfo.InvariantCulture),
    };

    static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
