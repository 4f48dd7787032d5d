using System.Globalization;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>The backend: drops truncations only narrow stores read, rematerialises call arguments, legalizes an optimised <see cref="IrFunction"/>, allocates registers (spilling when needed), lays out
/// the stack, selects instructions and resolves branches and source lines. Resource limits become diagnostics located at the
/// function's first line (SBPF0200 stack, SBPF0201 branch range); it does not throw for valid IR.</summary>
internal static class FunctionCompiler
{
    public static BackendResult Compile(IrFunction function, BackendOptions options)
    {
        var legal = Legalizer.Legalize(CallArgumentRematerialization.Run(NarrowStoreTruncation.Run(function)), options);
        var allocation = RegisterAllocator.Allocate(legal);
        var stack = StackLayout.Compute(allocation.Function);
        if (stack.Bytes > StackLayout.MaxBytes)
            return Failed(function, "SBPF0200", StackMessage(allocation.Function, stack, SpillBytes(function, allocation.Function, stack)));
        var selected = InstructionSelector.Select(allocation, stack, options);
        var laid = CodeLayout.Lay(selected, allocation.Function, options);
        if (laid is null)
            return Failed(function, "SBPF0201", string.Create(CultureInfo.InvariantCulture,
                $"function '{function.Name}' has a branch over more than 32767 instructions, which ISA v3 cannot encode; split it into smaller methods, or target ISA v4 (Linux 6.6), whose 'gotol' reaches further"));
        return new BackendResult(
            new CompiledFunction(function.Name, laid.Instructions.ToEquatableArray(), laid.References.ToEquatableArray(), laid.Lines.ToEquatableArray(), stack.Bytes),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>The frame bytes spill slots take: they follow the function's own slots, and several may share eight bytes.</summary>
    static int SpillBytes(IrFunction original, IrFunction allocated, StackLayout stack) =>
        8 * allocated.StackSlots.Skip(original.StackSlots.Count).Select(s => stack.Offsets[s.Id]).Where(o => o != 0).Distinct().Count();

    static string StackMessage(IrFunction function, StackLayout stack, int spillBytes)
    {
        var largest = function.StackSlots.Where(s => stack.Offsets[s.Id] != 0).OrderByDescending(s => s.Size).ThenBy(s => s.Id).Take(3)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"'{s.Name}' ({s.Size} bytes)"));
        string spills = spillBytes > 0 ? string.Create(CultureInfo.InvariantCulture, $", including {spillBytes} bytes of spilled registers") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"function '{function.Name}' needs a {stack.Bytes}-byte stack frame{spills}, but eBPF allows {StackLayout.MaxBytes} bytes; the largest stack objects are {string.Join(", ", largest)}: make them smaller, or keep large buffers in a per-CPU array map");
    }

    static BackendResult Failed(IrFunction function, string id, string message) =>
        new(null, new[] { new DiagnosticInfo(id, FirstLine(function), message) }.ToEquatableArray());

    /// <summary>Where the function's first line is, for diagnostics about the function as a whole.</summary>
    static SourceSpan? FirstLine(IrFunction function)
    {
        int line = function.Blocks.SelectMany(b => b.Instructions.Select(i => i.Line).Append(b.Terminator.Line)).FirstOrDefault(l => l >= 0, -1);
        if (line < 0 && function.Lines.Count > 0) line = 0;
        if (line < 0 || line >= function.Lines.Count) return null;
        var source = function.Lines[line];
        int row = Math.Max(0, source.Line - 1), column = Math.Max(0, source.Column - 1);
        return new SourceSpan(source.FilePath, 0, 0, row, column, row, column + source.Text.Length);
    }
}
