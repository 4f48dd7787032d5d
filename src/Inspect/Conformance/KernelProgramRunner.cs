using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Inspect.Conformance;

/// <summary>
/// Runs a conformance program in the kernel the way the bpf_conformance suite's Linux plugin does: the test program
/// becomes a BPF-to-BPF subprogram of an XDP program whose packet is the test memory, and the wrapper stores the
/// callee's 64-bit r0 in an array map, because an XDP program's own return value is only 32 bits wide.
/// </summary>
/// <remarks>
/// The wrapper (slot numbers for a test with memory of length <c>len</c>):
/// <code>
///  0: r2 = *(u32 *)(r1 + 0)      data
///  1: r3 = *(u32 *)(r1 + 4)      data_end
///  2: r1 = r2
///  3: r4 = r2
///  4: r4 += len
///  5: if r4 > r3 goto abort      proves to the verifier that r1 .. r1 + len lies in the packet
///  6: r2 = len
///  7: call test                  the test program, appended after the wrapper
///  8: r6 = r0
///  9: *(u32 *)(r10 - 4) = 0      key 0
/// 10: r2 = r10
/// 11: r2 += -4
/// 12: r1 = map fd (two slots)
/// 14: call bpf_map_lookup_elem
/// 15: if r0 == 0 goto abort
/// 16: *(u64 *)(r0 + 0) = r6
/// 17: w0 = XDP_PASS
/// 18: exit
/// 19: w0 = XDP_ABORTED           abort
/// 20: exit
/// </code>
/// Without memory, slots 0–6 are <c>r1 = 0; r2 = 0</c>, as the suite specifies. The returned XDP action tells whether
/// the value was stored.
/// </remarks>
internal static class KernelProgramRunner
{
    /// <summary>XDP test runs refuse packets shorter than an Ethernet header (ETH_HLEN).</summary>
    const int MinimumPacketLength = 14;
    const int XdpAborted = 0;
    const int XdpPass = 2;
    const int MapLookupElementHelper = 1;
    /// <summary>GPL, so that test programs calling GPL-only helpers load too.</summary>
    const string License = "GPL";
    const string ProgramName = "conformance";

    /// <summary>Runs <paramref name="program"/> (the test's instruction bytes, passed to the kernel unchanged) with
    /// r1 pointing at a copy of <paramref name="memory"/> and r2 holding its length, and returns r0.</summary>
    /// <exception cref="InstructionFormatException">The bytes are not a valid instruction stream; the message names the byte offset.</exception>
    /// <exception cref="BpfVerifierException">The verifier rejected the program; the message has the log's reason.</exception>
    /// <exception cref="BpfException">The kernel refused to create the map, load or run the program.</exception>
    public static ulong Run(ReadOnlySpan<byte> program, ReadOnlySpan<byte> memory)
    {
        if (program.Length == 0) throw new InstructionFormatException(0, "the program is empty");
        // The decoder keeps every field, so the kernel receives the test's bytes unchanged.
        var testInstructions = InstructionDecoder.Decode(program);

        using var resultMap = Map.Create(new MapSpec { Name = "conformance_r0", Type = MapType.Array, KeySize = sizeof(uint), ValueSize = sizeof(ulong), MaxEntries = 1 });
        var result = new ArrayMap<ulong>(resultMap);
        var spec = new ProgramSpec
        {
            Name = ProgramName,
            SectionName = "xdp",
            Type = ProgramType.Xdp,
            AttachType = AttachType.Xdp,
            Instructions = [.. Wrapper(memory.Length, resultMap.Handle.Fd), .. testInstructions],
            License = License,
        };
        using var loaded = Program.Load(spec);

        var packet = new byte[Math.Max(MinimumPacketLength, memory.Length)];
        memory.CopyTo(packet);
        var run = loaded.Test(new ProgramTestOptions { Data = packet });
        if (run.ReturnValue != XdpPass)
            throw new InvalidOperationException($"the conformance wrapper returned XDP action {run.ReturnValue}, not XDP_PASS: it could not store r0 (a bug in the wrapper)");
        return result.Lookup(0);
    }

    /// <summary>The slot at which the test program starts in the loaded program, for reading verifier messages.</summary>
    public static int TestProgramStart(int memoryLength) => Slots(Wrapper(memoryLength, resultMapFd: 0));

    /// <summary>The instructions that precede the test program; the test program starts right after the last one.</summary>
    internal static List<Instruction> Wrapper(int memoryLength, int resultMapFd)
    {
        List<Instruction> abort = [Instruction.Alu32(AluOperation.Mov, Register.R0, XdpAborted), Instruction.Exit()];
        List<Instruction> storeAndPass =
        [
            Instruction.Store(MemorySize.DoubleWord, Register.R0, 0, Register.R6),
            Instruction.Alu32(AluOperation.Mov, Register.R0, XdpPass),
            Instruction.Exit(),
        ];
        List<Instruction> storeResult =
        [
            Instruction.Alu64(AluOperation.Mov, Register.R6, Register.R0),
            Instruction.Store(MemorySize.Word, Register.R10, -4, 0),
            Instruction.Alu64(AluOperation.Mov, Register.R2, Register.R10),
            Instruction.Alu64(AluOperation.Add, Register.R2, -4),
            Instruction.LoadImmediate64(Register.R1, LoadImmediateKind.MapByFd, resultMapFd),
            Instruction.CallHelper(MapLookupElementHelper),
            Instruction.Jump(JumpOperation.Jeq, Register.R0, 0, Slots(storeAndPass)),
            .. storeAndPass,
        ];
        List<Instruction> callTest = [Instruction.CallLocal(Slots(storeResult) + Slots(abort))];

        if (memoryLength == 0)
            return [Instruction.Alu64(AluOperation.Mov, Register.R1, 0), Instruction.Alu64(AluOperation.Mov, Register.R2, 0), .. callTest, .. storeResult, .. abort];
        List<Instruction> passLength = [Instruction.Alu64(AluOperation.Mov, Register.R2, memoryLength)];
        return
        [
            Instruction.Load(MemorySize.Word, Register.R2, Register.R1, 0),
            Instruction.Load(MemorySize.Word, Register.R3, Register.R1, 4),
            Instruction.Alu64(AluOperation.Mov, Register.R1, Register.R2),
            Instruction.Alu64(AluOperation.Mov, Register.R4, Register.R2),
            Instruction.Alu64(AluOperation.Add, Register.R4, memoryLength),
            Instruction.Jump(JumpOperation.Jgt, Register.R4, Register.R3, (short)(Slots(passLength) + Slots(callTest) + Slots(storeResult))),
            .. passLength,
            .. callTest,
            .. storeResult,
            .. abort,
        ];
    }

    static short Slots(IEnumerable<Instruction> instructions) => (short)InstructionEncoder.SlotCount(instructions);
}
