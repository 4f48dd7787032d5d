using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>Links one program the way libbpf does: its own instructions first, then every function it reaches through
/// BPF-to-BPF calls or <c>lddw</c> of a function address (bpf_loop callbacks), transitively, each once, with call and
/// address immediates re-pointed at the copies. Every program gets its own copies of the subprograms it uses.</summary>
internal sealed class ProgramLinker(BtfExtSpec? ext)
{
    /// <summary>Links the program that starts with <paramref name="entry"/>.</summary>
    /// <exception cref="BpfElfException">A call or code address points outside every function, or a func_info or line_info
    /// offset is not a whole instruction.</exception>
    public LinkedProgram Link(CodeFunction entry) => new Run(ext).Link(entry);

    /// <summary>The state of one linking run.</summary>
    sealed class Run(BtfExtSpec? ext)
    {
        readonly List<Instruction> instructions = [];
        readonly List<MapReference> mapReferences = [];
        readonly List<ProgramFunctionInfo> functionInfos = [];
        readonly List<ProgramLineInfo> lineInfos = [];
        readonly Dictionary<CodeFunction, int> placedAtSlot = [];
        readonly List<(int Index, int Slot, CodeFunction Target, int TargetSlot)> codeReferences = [];
        int slotCount;

        public LinkedProgram Link(CodeFunction entry)
        {
            Place(entry);
            // Placing a function can add references to functions not yet placed; the list grows while we walk it.
            for (int i = 0; i < codeReferences.Count; i++)
                if (!placedAtSlot.ContainsKey(codeReferences[i].Target))
                    Place(codeReferences[i].Target);
            foreach (var (index, slot, target, targetSlot) in codeReferences)
            {
                long relative = (long)placedAtSlot[target] + (targetSlot - target.StartSlot) - (slot + 1);
                instructions[index] = instructions[index] with { Immediate = checked((int)relative) };
            }
            return new LinkedProgram(instructions, mapReferences, functionInfos, lineInfos);
        }

        void Place(CodeFunction function)
        {
            var code = function.Section;
            int start = slotCount;
            placedAtSlot.Add(function, start);
            for (int index = code.IndexAtSlot(function.StartSlot); index < code.Instructions.Count && code.SlotOf(index) < function.EndSlot; index++)
            {
                var instruction = code.Instructions[index];
                int sectionSlot = code.SlotOf(index);
                if (code.Targets.TryGetValue(index, out var target))
                    instruction = Relocate(instruction, target, code, sectionSlot);
                else if (instruction.IsCall && instruction.CallKind == CallKind.Local)
                    // clang leaves calls within one section unrelocated: the immediate already counts slots to the callee.
                    AddCodeReference(code, sectionSlot, code, sectionSlot + (long)instruction.Immediate + 1);
                instructions.Add(instruction);
                slotCount += instruction.SlotCount;
            }
            AddBtfInfo(function, start);
        }

        Instruction Relocate(Instruction instruction, RelocationTarget target, CodeSection code, int sectionSlot)
        {
            switch (target)
            {
                case MapTarget map:
                    mapReferences.Add(new MapReference(instructions.Count, map.MapName, map.ValueOffset));
                    return instruction with
                    {
                        Source = (Register)(map.ValueOffset is null ? LoadImmediateKind.MapByFd : LoadImmediateKind.MapValueByFd),
                        Immediate = 0,
                        NextImmediate = (int)(map.ValueOffset ?? 0),
                    };
                case CodeTarget codeTarget:
                    AddCodeReference(code, sectionSlot, codeTarget.Section, codeTarget.Slot);
                    return instruction.IsWide
                        ? instruction with { Source = (Register)LoadImmediateKind.CodeAddress, NextImmediate = 0 }
                        : instruction with { Source = (Register)CallKind.Local };
                default:
                    throw new InvalidOperationException($"unknown relocation target {target}");
            }
        }

        /// <summary>Records that the instruction being placed (at <paramref name="sectionSlot"/> of <paramref name="callerCode"/>)
        /// refers to <paramref name="targetSlot"/> of <paramref name="targetCode"/>, to be patched once the target is placed.</summary>
        void AddCodeReference(CodeSection callerCode, int sectionSlot, CodeSection targetCode, long targetSlot)
        {
            var callee = targetSlot is >= 0 and <= int.MaxValue ? targetCode.FunctionAt((int)targetSlot) : null;
            if (callee is null)
                throw new BpfElfException($"the instruction at offset {sectionSlot * Instruction.SlotSize} of section '{callerCode.Name}' refers to slot {targetSlot} of section '{targetCode.Name}', which is in no function");
            codeReferences.Add((instructions.Count, slotCount, callee, (int)targetSlot));
        }

        void AddBtfInfo(CodeFunction function, int start)
        {
            if (ext is null) return;
            if (ext.FunctionInfos.TryGetValue(function.Section.Name, out var functions))
                foreach (var info in functions)
                    if (TryRebase(function, start, info.InstructionOffset, "func_info", out uint offset))
                        functionInfos.Add(new ProgramFunctionInfo(offset, info.TypeId));
            if (ext.LineInfos.TryGetValue(function.Section.Name, out var lines))
                foreach (var line in lines)
                    if (TryRebase(function, start, line.InstructionOffset, "line_info", out uint offset))
                        lineInfos.Add(new ProgramLineInfo(offset, line.FileNameOffset, line.LineTextOffset, line.FileName, line.LineText, line.Line, line.Column));
        }

        /// <summary>Converts a record's byte offset in the section into a slot offset in the linked program, when it falls inside <paramref name="function"/>.</summary>
        static bool TryRebase(CodeFunction function, int start, uint byteOffset, string what, out uint offset)
        {
            if (byteOffset % Instruction.SlotSize != 0)
                throw new BpfElfException($".BTF.ext {what} for section '{function.Section.Name}' has instruction offset {byteOffset}, not a whole instruction");
            int slot = (int)(byteOffset / Instruction.SlotSize);
            offset = (uint)(start + slot - function.StartSlot);
            return function.Contains(slot);
        }
    }
}
