using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Recomputes cheap, position-independent values right where a call takes them as arguments, as clang does with
/// <c>r1 = map ll</c>: a register defined once by a map or global address load or a stack address, and read only as call
/// arguments (by at most <see cref="MaxCopies"/> calls), gets a fresh definition just before each call and its own one goes.
/// The fresh register lives for one instruction, so it takes its argument register without moves and never holds r6..r9
/// across a call. A register defined once by a small constant is passed as that constant. The verifier sees the same value
/// (the same map pointer, the same frame offset) either way.</summary>
internal static class CallArgumentRematerialization
{
    /// <summary>Calls a definition is copied to at most: beyond two, the copies (two slots each for <c>lddw</c> and stack
    /// addresses) cost more than moving one held value into place.</summary>
    const int MaxCopies = 2;

    public static IrFunction Run(IrFunction function)
    {
        var definitions = new Dictionary<int, IrInstruction?>();
        var uses = new int[function.RegisterCount];
        var callUses = new int[function.RegisterCount];
        foreach (var block in function.Blocks)
        {
            foreach (var instruction in block.Instructions)
            {
                foreach (var used in IrOperands.Uses(instruction)) uses[used.Id]++;
                if (Arguments(instruction) is { } arguments)
                    foreach (var argument in arguments.OfType<VReg>()) callUses[argument.Id]++;
                if (IrOperands.Defined(instruction) is { } defined)
                    definitions[defined.Id] = definitions.ContainsKey(defined.Id) ? null : instruction;
            }
            foreach (var used in IrOperands.Uses(block.Terminator)) uses[used.Id]++;
        }
        var copied = new Dictionary<int, IrInstruction>();
        var constants = new Dictionary<int, Imm>();
        foreach (var (register, definition) in definitions)
        {
            if (register < function.ParameterCount || definition is null) continue;
            if (definition is Move { Src: Imm constant } && (Legalizer.FitsImmediate(constant.Value) || constant.Value is >= 0 and <= uint.MaxValue))
                constants[register] = constant;
            else if (definition is LoadMap or LoadGlobalAddress or LoadFunctionAddress or StackAddress && callUses[register] is > 0 and <= MaxCopies && uses[register] == callUses[register])
                copied[register] = definition;
        }
        if (copied.Count == 0 && constants.Count == 0) return function;

        int registerCount = function.RegisterCount;
        var blocks = new List<Block>(function.Blocks.Count);
        foreach (var block in function.Blocks)
        {
            var output = new List<IrInstruction>(block.Instructions.Count);
            foreach (var instruction in block.Instructions)
            {
                if (IrOperands.Defined(instruction) is { } defined && copied.ContainsKey(defined.Id)) continue;
                if (Arguments(instruction) is not { } arguments)
                {
                    output.Add(instruction);
                    continue;
                }
                var replaced = new Operand[arguments.Count];
                for (int i = 0; i < arguments.Count; i++)
                {
                    replaced[i] = arguments[i];
                    if (arguments[i] is not VReg argument) continue;
                    if (constants.TryGetValue(argument.Id, out var constant))
                        replaced[i] = constant;
                    else if (copied.TryGetValue(argument.Id, out var definition))
                    {
                        var fresh = new VReg(registerCount++);
                        output.Add(IrOperands.ReplaceDefined(definition, fresh) with { Line = instruction.Line });
                        replaced[i] = fresh;
                    }
                }
                output.Add(instruction switch
                {
                    CallHelper call => call with { Arguments = replaced.ToEquatableArray() },
                    CallFunction call => call with { Arguments = replaced.ToEquatableArray() },
                    _ => instruction,
                });
            }
            blocks.Add(block with { Instructions = output.ToEquatableArray() });
        }
        return function with { RegisterCount = registerCount, Blocks = blocks.ToEquatableArray() };
    }

    static EquatableArray<Operand>? Arguments(IrInstruction instruction) => instruction switch
    {
        CallHelper call => call.Arguments,
        CallFunction call => call.Arguments,
        _ => null,
    };
}
