using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Sharp.Bpf.Asm;

/// <summary>
/// Assembles the uBPF-style syntax of the BPF conformance suite: one instruction per line, registers
/// <c>%r0</c>…<c>%r10</c>, memory operands <c>[%r1+8]</c>, labels (<c>name:</c>) as jump and
/// <c>call local</c> targets, numeric targets <c>+3</c>/<c>-2</c> in slots, <c>#</c> comments. As in the
/// conformance suite's own assembler, the label <c>exit</c> names the first <c>exit</c> instruction unless the
/// program defines a label of that name.
/// </summary>
/// <remarks>Mnemonics: <c>add sub mul div sdiv or and lsh rsh arsh neg mod smod xor mov</c> (64-bit; suffix
/// <c>32</c> for 32-bit, <c>64</c> accepted), <c>movsx{8,16}{32,64}</c>, <c>movsx3264</c>, <c>le/be/bswap{16,32,64}</c>,
/// jumps <c>ja jeq jgt jge jset jne jsgt jsge jlt jle jslt jsle</c> (suffix <c>32</c> for JMP32; <c>ja32</c> is
/// <c>gotol</c>), <c>call [helper] N</c>, <c>call local T</c>, <c>call kfunc|runtime ID[, IDX]</c>, <c>callx %rN</c>, <c>exit</c>, <c>lddw</c>
/// (with the subtypes <see cref="InstructionFormatter.Ubpf"/> prints), <c>ldx{b,h,w,dw}</c>, <c>ldxs{b,h,w}</c>,
/// <c>st{b,h,w,dw}</c>, <c>stx{b,h,w,dw}</c>, <c>lock [fetch] {add,or,and,xor}[32]</c>, <c>lock {xchg,cmpxchg}[32]</c>,
/// <c>ldabs{b,h,w}</c>, <c>ldind{b,h,w}</c>.</remarks>
public static partial class Assembler
{
    /// <summary>Assembles <paramref name="source"/>.</summary>
    /// <exception cref="AssemblyException">A line is not valid assembly; the message names the line and the problem.</exception>
    public static Instruction[] Assemble(string source) =>
        TryAssemble(source, out var instructions, out var error) ? instructions : throw error;

    /// <summary>Assembles <paramref name="source"/>, returning false and the error instead of throwing.</summary>
    public static bool TryAssemble(string source, out Instruction[] instructions, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out AssemblyException? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        instructions = [];
        var parsed = new List<ParsedLine>();
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        int slot = 0;
        int? firstExit = null;
        var lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            try
            {
                var text = StripComment(raw).Trim();
                var label = LabelPattern().Match(text);
                if (label.Success)
                {
                    var name = label.Groups[1].Value;
                    if (!labels.TryAdd(name, slot)) throw new LineError($"label '{name}' is defined twice");
                    text = text[label.Length..].Trim();
                }
                if (text.Length == 0) continue;
                var line = new ParsedLine(i + 1, raw, slot, ParseInstruction(text));
                if (line.Pending.Instruction.IsExit) firstExit ??= slot;
                parsed.Add(line);
                slot += line.Pending.Instruction.SlotCount;
            }
            catch (LineError e)
            {
                error = new AssemblyException(i + 1, raw, e.Message);
                return false;
            }
        }

        // As in the conformance suite's assembler, 'exit' names the first exit instruction unless a label says otherwise.
        if (firstExit is { } exitSlot) labels.TryAdd(ImplicitExitLabel, exitSlot);
        var result = new Instruction[parsed.Count];
        for (int i = 0; i < parsed.Count; i++)
        {
            var line = parsed[i];
            try
            {
                result[i] = Resolve(line, labels);
                if (result[i].Validate() is { } reason) throw new LineError(reason);
            }
            catch (LineError e)
            {
                error = new AssemblyException(line.Number, line.Text, e.Message);
                return false;
            }
        }
        instructions = result;
        error = null;
        return true;
    }

    const string ImplicitExitLabel = "exit";

    sealed class LineError(string message) : Exception(message);

    /// <summary>An instruction whose jump or call target may still be a label.</summary>
    readonly record struct Pending(Instruction Instruction, string? Label = null, TargetField Field = TargetField.None);

    enum TargetField { None, Offset, Immediate }

    readonly record struct ParsedLine(int Number, string Text, int Slot, Pending Pending);

    static Instruction Resolve(in ParsedLine line, Dictionary<string, int> labels)
    {
        var (insn, label, field) = line.Pending;
        if (label is null) return insn;
        if (!labels.TryGetValue(label, out var target)) throw new LineError($"undefined label '{label}'");
        long displacement = target - (line.Slot + 1);
        if (field == TargetField.Immediate) return insn with { Immediate = (int)displacement };
        if (displacement is < short.MinValue or > short.MaxValue)
            throw new LineError($"label '{label}' is {displacement} slots away, beyond the 16-bit jump offset (use ja32 for long jumps)");
        return insn with { Offset = (short)displacement };
    }

    static string StripComment(string line)
    {
        int cut = line.Length;
        foreach (var marker in new[] { "#", "//", ";" })
        {
            int at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < cut) cut = at;
        }
        return line[..cut];
    }

    static Pending ParseInstruction(string text)
    {
        int space = text.IndexOfAny([' ', '\t']);
        var mnemonic = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        if (mnemonic == "lock") return ParseAtomic(rest);
        var operands = SplitOperands(rest);

        if (mnemonic == "exit") { Expect(mnemonic, operands, 0, ""); return new(Instruction.Exit()); }
        if (mnemonic is "call" or "callx") return ParseCall(mnemonic, operands);
        if (mnemonic == "lddw") return new(ParseLoadImmediate(operands));
        if (mnemonic is "ja" or "ja32" or "gotol") return ParseGoto(mnemonic, operands);
        if (JumpMnemonics.TryGetValue(mnemonic, out var jump)) return ParseConditional(mnemonic, jump.Operation, jump.Is64, operands);
        if (ArithmeticMnemonics.TryGetValue(mnemonic, out var alu)) return new(ParseArithmetic(mnemonic, alu, operands));
        if (MemoryMnemonics.TryGetValue(mnemonic, out var memory)) return new(ParseMemory(mnemonic, memory, operands));
        throw new LineError($"unknown mnemonic '{mnemonic}'");
    }

    static string[] SplitOperands(string rest) =>
        rest.Length == 0 ? [] : rest.Split(',').Select(s => s.Trim()).ToArray();

    static void Expect(string mnemonic, string[] operands, int count, string form)
    {
        if (operands.Length != count)
            throw new LineError($"'{mnemonic}' takes {count} operand{(count == 1 ? "" : "s")}{(form.Length > 0 ? $" ({mnemonic} {form})" : "")}, found {operands.Length}");
        foreach (var operand in operands)
            if (operand.Length == 0) throw new LineError($"'{mnemonic}' has an empty operand");
    }

    // ---- arithmetic -----------------------------------------------------------------

    enum AluForm { Binary, Negate, SignedDivMod, MoveSignExtend, Endian, ByteSwap }

    readonly record struct AluMnemonic(AluForm Form, AluOperation Operation, bool Is64, int Width = 0, bool BigEndian = false);

    static readonly Dictionary<string, AluMnemonic> ArithmeticMnemonics = BuildArithmetic();

    static Dictionary<string, AluMnemonic> BuildArithmetic()
    {
        var table = new Dictionary<string, AluMnemonic>(StringComparer.Ordinal);
        foreach (var (op, name) in UbpfMnemonics.Alu)
        {
            var form = op == AluOperation.Neg ? AluForm.Negate : AluForm.Binary;
            table[name] = table[name + "64"] = new(form, op, true);
            table[name + "32"] = new(form, op, false);
        }
        foreach (var (name, op) in new[] { (UbpfMnemonics.SignedDiv, AluOperation.Div), (UbpfMnemonics.SignedMod, AluOperation.Mod) })
        {
            table[name] = table[name + "64"] = new(AluForm.SignedDivMod, op, true);
            table[name + "32"] = new(AluForm.SignedDivMod, op, false);
        }
        foreach (var width in new[] { 8, 16, 32 })
        {
            table[$"{UbpfMnemonics.MoveSignExtend}{width}64"] = new(AluForm.MoveSignExtend, AluOperation.Mov, true, width);
            if (width != 32) table[$"{UbpfMnemonics.MoveSignExtend}{width}32"] = new(AluForm.MoveSignExtend, AluOperation.Mov, false, width);
        }
        foreach (var width in new[] { 16, 32, 64 })
        {
            table[$"le{width}"] = new(AluForm.Endian, AluOperation.End, false, width, BigEndian: false);
            table[$"be{width}"] = new(AluForm.Endian, AluOperation.End, false, width, BigEndian: true);
            table[$"bswap{width}"] = table[$"swap{width}"] = new(AluForm.ByteSwap, AluOperation.End, true, width);
        }
        return table;
    }

    static Instruction ParseArithmetic(string mnemonic, AluMnemonic alu, string[] operands)
    {
        switch (alu.Form)
        {
            case AluForm.Negate:
                Expect(mnemonic, operands, 1, "%rD");
                return Instruction.Negate(ParseRegister(operands[0]), alu.Is64);
            case AluForm.Endian:
                Expect(mnemonic, operands, 1, "%rD");
                return Instruction.ToEndian(ParseRegister(operands[0]), alu.Width, alu.BigEndian);
            case AluForm.ByteSwap:
                Expect(mnemonic, operands, 1, "%rD");
                return Instruction.ByteSwap(ParseRegister(operands[0]), alu.Width);
            case AluForm.MoveSignExtend:
                Expect(mnemonic, operands, 2, "%rD, %rS");
                return Instruction.MoveSignExtend(ParseRegister(operands[0]), ParseRegister(operands[1], "a source register (movsx has no immediate form)"), alu.Width, alu.Is64);
        }
        Expect(mnemonic, operands, 2, "%rD, %rS|IMM");
        var destination = ParseRegister(operands[0]);
        if (IsRegister(operands[1]))
        {
            var source = ParseRegister(operands[1]);
            return alu.Form == AluForm.SignedDivMod
                ? Instruction.Signed(alu.Operation, destination, source, alu.Is64)
                : alu.Is64 ? Instruction.Alu64(alu.Operation, destination, source) : Instruction.Alu32(alu.Operation, destination, source);
        }
        int immediate = ParseImmediate32(operands[1]);
        return alu.Form == AluForm.SignedDivMod
            ? Instruction.Signed(alu.Operation, destination, immediate, alu.Is64)
            : alu.Is64 ? Instruction.Alu64(alu.Operation, destination, immediate) : Instruction.Alu32(alu.Operation, destination, immediate);
    }

    // ---- jumps and calls --------------------------------------------------------------

    static readonly Dictionary<string, (JumpOperation Operation, bool Is64)> JumpMnemonics = UbpfMnemonics.Jump
        .Where(p => p.Key != JumpOperation.Ja)
        .SelectMany(p => new[] { (p.Value, (p.Key, true)), (p.Value + "32", (p.Key, false)) })
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    static Pending ParseGoto(string mnemonic, string[] operands)
    {
        Expect(mnemonic, operands, 1, "TARGET");
        bool isLong = mnemonic != "ja";
        var (displacement, label) = ParseTarget(operands[0], isLong);
        return isLong
            ? new(Instruction.GotoLong(displacement), label, TargetField.Immediate)
            : new(Instruction.Goto((short)displacement), label, TargetField.Offset);
    }

    static Pending ParseConditional(string mnemonic, JumpOperation operation, bool is64, string[] operands)
    {
        Expect(mnemonic, operands, 3, "%rD, %rS|IMM, TARGET");
        var destination = ParseRegister(operands[0]);
        var (displacement, label) = ParseTarget(operands[2], isLong: false);
        var insn = IsRegister(operands[1])
            ? Instruction.Jump(operation, destination, ParseRegister(operands[1]), (short)displacement, is64)
            : Instruction.Jump(operation, destination, ParseImmediate32(operands[1]), (short)displacement, is64);
        return new(insn, label, TargetField.Offset);
    }

    static Pending ParseCall(string mnemonic, string[] operands)
    {
        if (mnemonic == "callx")
        {
            Expect(mnemonic, operands, 1, "%rN");
            return new(Instruction.CallRegister(ParseRegister(operands[0])));
        }
        if (operands.Length == 0) throw new LineError("'call' needs a target: call HELPER, call local TARGET, call kfunc ID or call %rN");
        var first = operands[0];
        if (IsRegister(first))
        {
            Expect(mnemonic, operands, 1, "%rN");
            return new(Instruction.CallRegister(ParseRegister(first)));
        }
        if (first is "local" or "kfunc" or "runtime" or "helper") throw new LineError($"'call {first}' needs a target: call helper ID, call local TARGET or call kfunc ID");
        var (keyword, argument) = SplitKeyword(first);
        switch (keyword)
        {
            case "local":
                Expect("call local", operands, 1, "TARGET");
                var (displacement, label) = ParseTarget(argument, isLong: true);
                return new(Instruction.CallLocal(displacement), label, TargetField.Immediate);
            case "helper":
                Expect("call helper", operands, 1, "ID");
                return new(Instruction.CallHelper(ParseImmediate32(argument)));
            case "kfunc" or "runtime":
                if (operands.Length is not (1 or 2)) throw new LineError($"'call kfunc' takes a BTF id and an optional fd-array index, found {operands.Length} operands");
                short index = operands.Length == 2 ? ParseOffset(operands[1]) : (short)0;
                return new(Instruction.CallKfunc(ParseImmediate32(argument), index));
            case null:
                Expect(mnemonic, operands, 1, "HELPER");
                return new(Instruction.CallHelper(ParseImmediate32(first)));
            default:
                throw new LineError($"unknown call form '{keyword}': write call HELPER, call local TARGET, call kfunc ID or call %rN");
        }
    }

    static (string? Keyword, string Argument) SplitKeyword(string operand)
    {
        var match = KeywordPattern().Match(operand);
        return match.Success ? (match.Groups[1].Value.ToLowerInvariant(), match.Groups[2].Value) : (null, operand);
    }

    static (int Displacement, string? Label) ParseTarget(string text, bool isLong)
    {
        if (IdentifierPattern().IsMatch(text)) return (0, text);
        if (!TryParseInteger(text, out var value, out _))
            throw new LineError($"invalid jump target '{text}': expected a label or a slot offset like +3 or -2");
        long min = isLong ? int.MinValue : short.MinValue, max = isLong ? int.MaxValue : short.MaxValue;
        if (value < min || value > max) throw new LineError($"jump offset {value} is out of range {min}..{max}");
        return ((int)value, null);
    }

    // ---- loads, stores, atomics -----------------------------------------------------

    enum MemoryForm { Load, LoadSignExtend, StoreImmediate, StoreRegister, LoadAbsolute, LoadIndirect }

    static readonly Dictionary<string, (MemoryForm Form, MemorySize Size)> MemoryMnemonics = BuildMemory();

    static Dictionary<string, (MemoryForm, MemorySize)> BuildMemory()
    {
        var table = new Dictionary<string, (MemoryForm, MemorySize)>(StringComparer.Ordinal);
        foreach (var (size, s) in UbpfMnemonics.Size)
        {
            table["ldx" + s] = (MemoryForm.Load, size);
            table["st" + s] = (MemoryForm.StoreImmediate, size);
            table["stx" + s] = (MemoryForm.StoreRegister, size);
            if (size == MemorySize.DoubleWord) continue;
            table["ldxs" + s] = (MemoryForm.LoadSignExtend, size);
            table["ldabs" + s] = (MemoryForm.LoadAbsolute, size);
            table["ldind" + s] = (MemoryForm.LoadIndirect, size);
        }
        return table;
    }

    static Instruction ParseMemory(string mnemonic, (MemoryForm Form, MemorySize Size) memory, string[] operands)
    {
        switch (memory.Form)
        {
            case MemoryForm.Load or MemoryForm.LoadSignExtend:
            {
                Expect(mnemonic, operands, 2, "%rD, [%rS+OFF]");
                var destination = ParseRegister(operands[0]);
                var (source, offset) = ParseMemoryOperand(operands[1]);
                return Instruction.Load(memory.Size, destination, source, offset, memory.Form == MemoryForm.LoadSignExtend);
            }
            case MemoryForm.StoreImmediate:
            {
                Expect(mnemonic, operands, 2, "[%rD+OFF], IMM");
                var (destination, offset) = ParseMemoryOperand(operands[0]);
                return Instruction.Store(memory.Size, destination, offset, ParseImmediate32(operands[1]));
            }
            case MemoryForm.StoreRegister:
            {
                Expect(mnemonic, operands, 2, "[%rD+OFF], %rS");
                var (destination, offset) = ParseMemoryOperand(operands[0]);
                return Instruction.Store(memory.Size, destination, offset, ParseRegister(operands[1]));
            }
            case MemoryForm.LoadAbsolute:
                Expect(mnemonic, operands, 1, "IMM");
                return Instruction.LoadAbsolute(memory.Size, ParseImmediate32(operands[0]));
            default:
                Expect(mnemonic, operands, 2, "%rS, IMM");
                return Instruction.LoadIndirect(memory.Size, ParseRegister(operands[0]), ParseImmediate32(operands[1]));
        }
    }

    static Pending ParseAtomic(string rest)
    {
        var words = rest.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) throw new LineError("'lock' needs an operation and 2 operands, e.g. lock add [%r10-8], %r1");
        bool fetch = words[0].Equals("fetch", StringComparison.OrdinalIgnoreCase);
        if (fetch)
        {
            words = words.Length > 1 ? words[1].Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries) : [];
            if (words.Length == 0) throw new LineError("'lock fetch' needs an operation (add, or, and, xor) and 2 operands");
        }
        var name = words[0].ToLowerInvariant();
        var size = MemorySize.DoubleWord;
        if (name.EndsWith("32", StringComparison.Ordinal)) { size = MemorySize.Word; name = name[..^2]; }
        else if (name.EndsWith("64", StringComparison.Ordinal)) name = name[..^2];
        var fullName = fetch ? "fetch " + name : name;
        var operation = UbpfMnemonics.Atomic.FirstOrDefault(p => p.Value == fullName);
        if (operation.Value is null)
            throw new LineError($"unknown atomic operation 'lock {fullName}': use add, or, and, xor (optionally with fetch), xchg or cmpxchg");
        var operands = SplitOperands(words.Length > 1 ? words[1] : "");
        Expect($"lock {fullName}", operands, 2, "[%rD+OFF], %rS");
        var (destination, offset) = ParseMemoryOperand(operands[0]);
        return new(Instruction.Atomic(operation.Key, size, destination, offset, ParseRegister(operands[1])));
    }

    // ---- lddw -------------------------------------------------------------------------

    static Instruction ParseLoadImmediate(string[] operands)
    {
        if (operands.Length is < 2 or > 3)
            throw new LineError($"'lddw' takes 2 operands (lddw %rD, IMM64, or lddw %rD, KIND IMM[, NEXT]), found {operands.Length}");
        var destination = ParseRegister(operands[0]);
        var (keyword, argument) = SplitKeyword(operands[1]);
        if (keyword is null)
        {
            if (operands.Length != 2) throw new LineError("'lddw %rD, IMM64' takes 2 operands, found 3");
            return Instruction.LoadImmediate64(destination, ParseImmediate64(operands[1]));
        }
        var kind = UbpfMnemonics.LoadImmediate.FirstOrDefault(p => p.Value == keyword);
        if (kind.Value is null)
            throw new LineError($"unknown lddw kind '{keyword}': use {string.Join(", ", UbpfMnemonics.LoadImmediate.Values)}");
        int next = operands.Length == 3 ? ParseImmediate32(operands[2]) : 0;
        return Instruction.LoadImmediate64(destination, kind.Key, ParseImmediate32(argument), next);
    }

    // ---- operands -----------------------------------------------------------------------

    static bool IsRegister(string text) => text.StartsWith('%') || RegisterPattern().IsMatch(text);

    static Register ParseRegister(string text, string expected = "a register")
    {
        var match = RegisterPattern().Match(text);
        if (!match.Success)
            throw new LineError(text.StartsWith('[')
                ? $"expected {expected} like %r1, found memory operand '{text}'"
                : $"expected {expected} like %r1, found '{text}'");
        if (!int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > (int)Register.R10)
            throw new LineError($"invalid register '{text}': registers are %r0 to %r10");
        return (Register)number;
    }

    static (Register Register, short Offset) ParseMemoryOperand(string text)
    {
        var match = MemoryPattern().Match(text);
        if (!match.Success) throw new LineError($"expected a memory operand like [%r1+8], found '{text}'");
        var register = ParseRegister(match.Groups[1].Value);
        if (!match.Groups[2].Success) return (register, 0);
        var offsetText = match.Groups[2].Value + match.Groups[3].Value;
        return (register, ParseOffset(offsetText));
    }

    static short ParseOffset(string text)
    {
        if (!TryParseInteger(text, out var value, out _)) throw new LineError($"invalid offset '{text}'");
        if (value < short.MinValue || value > short.MaxValue) throw new LineError($"offset {text} is out of the 16-bit range -32768..32767");
        return (short)value;
    }

    static int ParseImmediate32(string text)
    {
        if (!TryParseInteger(text, out var value, out bool hex))
            throw new LineError(IsRegister(text) ? $"expected an immediate, found register '{text}'" : $"invalid immediate '{text}'");
        // Hex literals name bit patterns (0xffffffff is -1); decimal literals must fit a signed 32-bit value.
        long max = hex ? uint.MaxValue : int.MaxValue;
        if (value < int.MinValue || value > max)
            throw new LineError($"immediate {text} does not fit in 32 bits ({(hex ? "hex up to 0xffffffff" : "decimal -2147483648..2147483647")}); use lddw for 64-bit values");
        return unchecked((int)(uint)(ulong)(long)value);
    }

    static ulong ParseImmediate64(string text)
    {
        if (!TryParseInteger(text, out var value, out _)) throw new LineError($"invalid immediate '{text}'");
        if (value < long.MinValue || value > ulong.MaxValue) throw new LineError($"immediate {text} does not fit in 64 bits");
        return value < 0 ? unchecked((ulong)(long)value) : (ulong)value;
    }

    static bool TryParseInteger(string text, out BigInteger value, out bool hex)
    {
        value = default;
        var span = text.AsSpan().Trim();
        bool negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..].TrimStart();
        }
        hex = span.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (hex) span = span[2..];
        if (span.IsEmpty || span.Length > 40) return false;
        foreach (var c in span)
            if (!(hex ? char.IsAsciiHexDigit(c) : char.IsAsciiDigit(c))) return false;
        var magnitude = hex
            ? BigInteger.Parse("0" + span.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : BigInteger.Parse(span, NumberStyles.None, CultureInfo.InvariantCulture);
        value = negative ? -magnitude : magnitude;
        return true;
    }

    [GeneratedRegex(@"^([A-Za-z_.][A-Za-z0-9_.]*)\s*:")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[A-Za-z_.][A-Za-z0-9_.]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^%?r(\d+)$")]
    private static partial Regex RegisterPattern();

    [GeneratedRegex(@"^\[\s*(%?r\d+)\s*(?:([+-])\s*([0-9A-Za-z]+))?\s*\]$")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"^([A-Za-z_]+)\s+(\S.*)$")]
    private static partial Regex KeywordPattern();
}
