using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Testing;

/// <summary>An XDP program, built instruction by instruction, that emits one fixed-size record per run into a ring buffer or a
/// perf event array; <see cref="Run"/> drives it through <c>BPF_PROG_TEST_RUN</c>. Each record starts and ends with the run's
/// sequence number (0, 1, 2, ... as a little-endian u64), so a reader can check order and that a record wrapping the ring's
/// end arrived intact. Shared by the reader tests and the benchmark, so both measure the same producer.</summary>
public sealed class EventProducer : IDisposable
{
    const int XdpPass = 2;
    const int MapLookupElement = 1, PerfEventOutput = 25, RingbufOutput = 130, RingbufReserve = 131, RingbufSubmit = 132, RingbufDiscard = 133;
    /// <summary>BPF_F_CURRENT_CPU: output to the perf event of the CPU the program runs on.</summary>
    const uint CurrentCpu = 0xFFFF_FFFF;

    readonly Map state;
    readonly Program program;
    static readonly byte[] Packet = new byte[14];

    EventProducer(Map state, Map events, Program program, int recordSize)
    {
        this.state = state;
        Events = events;
        this.program = program;
        RecordSize = recordSize;
    }

    /// <summary>The map the records go to.</summary>
    public Map Events { get; }

    /// <summary>Bytes per record (a multiple of 8, at least 16).</summary>
    public int RecordSize { get; }

    /// <summary>A producer that reserves each record in a new ring buffer of <paramref name="ringSize"/> bytes and submits it
    /// with <paramref name="submitFlags"/> (BPF_RB_NO_WAKEUP = 1, BPF_RB_FORCE_WAKEUP = 2), discarding instead every record
    /// whose sequence number is <c>n * discardEvery - 1</c> when <paramref name="discardEvery"/> is non-zero.</summary>
    public static EventProducer RingBuffer(int recordSize, uint ringSize, int discardEvery = 0, int submitFlags = 0)
    {
        CheckRecordSize(recordSize);
        return Create(recordSize, new MapSpec { Name = "events", Type = MapType.RingBuffer, MaxEntries = ringSize }, (code, sequence) =>
        {
            code.LoadMap(Register.R1, "events");
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R2, recordSize));
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R3, 0));
            code.Add(Instruction.CallHelper(RingbufReserve));
            code.JumpIf(JumpOperation.Jeq, Register.R0, 0, "next");
            code.Add(Instruction.Store(MemorySize.DoubleWord, Register.R0, 0, sequence));
            code.Add(Instruction.Store(MemorySize.DoubleWord, Register.R0, (short)(recordSize - 8), sequence));
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R1, Register.R0));
            if (discardEvery > 0)
            {
                code.Add(Instruction.Alu64(AluOperation.Mov, Register.R3, sequence));
                code.Add(Instruction.Alu64(AluOperation.Mod, Register.R3, discardEvery));
                code.JumpIf(JumpOperation.Jne, Register.R3, discardEvery - 1, "submit");
                code.Add(Instruction.Alu64(AluOperation.Mov, Register.R2, 0));
                code.Add(Instruction.CallHelper(RingbufDiscard));
                code.Goto("next");
                code.Label("submit");
            }
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R2, submitFlags));
            code.Add(Instruction.CallHelper(RingbufSubmit));
        });
    }

    /// <summary>A producer that copies each record into a new ring buffer with <c>bpf_ringbuf_output</c>, from a map value.</summary>
    public static EventProducer RingBufferOutput(int recordSize, uint ringSize, int submitFlags = 0)
    {
        CheckRecordSize(recordSize);
        return Create(recordSize, new MapSpec { Name = "events", Type = MapType.RingBuffer, MaxEntries = ringSize }, (code, sequence) =>
        {
            code.LoadMap(Register.R1, "events");
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R2, Register.R7));
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R3, recordSize));
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R4, submitFlags));
            code.Add(Instruction.CallHelper(RingbufOutput));
        });
    }

    /// <summary>A producer that sends each record with <c>bpf_perf_event_output(ctx, &amp;events, BPF_F_CURRENT_CPU, ...)</c>
    /// to a new perf event array with a slot per possible CPU.</summary>
    public static EventProducer PerfEventArray(int recordSize)
    {
        CheckRecordSize(recordSize);
        return Create(recordSize, new MapSpec { Name = "events", Type = MapType.PerfEventArray, KeySize = 4, ValueSize = 4 }, (code, _) =>
        {
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R1, Register.R6));
            code.LoadMap(Register.R2, "events");
            code.Add(Instruction.LoadImmediate64(Register.R3, CurrentCpu));
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R4, Register.R7));
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R5, recordSize));
            code.Add(Instruction.CallHelper(PerfEventOutput));
        });
    }

    /// <summary>Runs the program <paramref name="repeat"/> times in one <c>BPF_PROG_TEST_RUN</c>, emitting that many records
    /// (fewer when the ring is full: a ring buffer drops them silently, a perf buffer counts them as lost).</summary>
    public void Run(uint repeat) => program.Test(new ProgramTestOptions { Data = Packet, DataOutCapacity = 0, Repeat = repeat });

    /// <inheritdoc/>
    public void Dispose()
    {
        program.Dispose();
        Events.Dispose();
        state.Dispose();
    }

    static void CheckRecordSize(int recordSize)
    {
        if (recordSize < 16 || recordSize % 8 != 0 || recordSize > 4096)
            throw new ArgumentOutOfRangeException(nameof(recordSize), recordSize, "a multiple of 8 from 16 to 4096");
    }

    /// <summary>Builds the common frame: r6 = ctx; r7 = the state map's value (the record template, whose first u64 is the
    /// next sequence number); r8 = the sequence number, also written at the template's end; then <paramref name="emit"/>'s
    /// code, which may jump to "next"; then the sequence number advances (also for a dropped or discarded record, so losses
    /// show as gaps) and the program returns XDP_PASS.</summary>
    static EventProducer Create(int recordSize, MapSpec eventsSpec, Action<CodeBuilder, Register> emit)
    {
        var state = Map.Create(new MapSpec { Name = "state", Type = MapType.Array, KeySize = 4, ValueSize = (uint)recordSize, MaxEntries = 1 });
        Map? events = null;
        try
        {
            events = Map.Create(eventsSpec);
            var code = new CodeBuilder();
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R6, Register.R1));
            code.Add(Instruction.Store(MemorySize.Word, Register.R10, -4, 0));
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R2, Register.R10));
            code.Add(Instruction.Alu64(AluOperation.Add, Register.R2, -4));
            code.LoadMap(Register.R1, "state");
            code.Add(Instruction.CallHelper(MapLookupElement));
            code.JumpIf(JumpOperation.Jeq, Register.R0, 0, "exit");
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R7, Register.R0));
            code.Add(Instruction.Load(MemorySize.DoubleWord, Register.R8, Register.R7, 0));
            code.Add(Instruction.Store(MemorySize.DoubleWord, Register.R7, (short)(recordSize - 8), Register.R8));
            emit(code, Register.R8);
            code.Label("next");
            code.Add(Instruction.Alu64(AluOperation.Add, Register.R8, 1));
            code.Add(Instruction.Store(MemorySize.DoubleWord, Register.R7, 0, Register.R8));
            code.Label("exit");
            code.Add(Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass));
            code.Add(Instruction.Exit());

            var maps = new Dictionary<string, Map> { ["state"] = state, ["events"] = events };
            var spec = new ProgramSpec
            {
                Name = "produce",
                SectionName = "xdp",
                Type = ProgramType.Xdp,
                AttachType = AttachType.Xdp,
                Instructions = code.Instructions,
                MapReferences = code.MapReferences,
                License = "GPL",
            };
            var program = Program.Load(spec, new ProgramLoadOptions { ResolveMapFd = name => maps[name].Fd });
            return new EventProducer(state, events, program, recordSize);
        }
        catch
        {
            events?.Dispose();
            state.Dispose();
            throw;
        }
    }

    /// <summary>Collects instructions with named forward jump targets and map references.</summary>
    sealed class CodeBuilder
    {
        readonly List<(int Index, int Slot, string Target)> jumps = [];
        readonly Dictionary<string, int> labelSlots = [];
        readonly List<Instruction> instructions = [];
        int slot;

        public List<MapReference> MapReferences { get; } = [];

        public IReadOnlyList<Instruction> Instructions
        {
            get
            {
                foreach (var (index, jumpSlot, target) in jumps)
                    instructions[index] = instructions[index] with { Offset = (short)(labelSlots[target] - jumpSlot - 1) };
                return instructions;
            }
        }

        public void Add(Instruction instruction)
        {
            instructions.Add(instruction);
            slot += instruction.SlotCount;
        }

        public void LoadMap(Register destination, string map)
        {
            MapReferences.Add(new MapReference(instructions.Count, map));
            Add(Instruction.LoadImmediate64(destination, 0));
        }

        public void JumpIf(JumpOperation operation, Register register, int immediate, string target)
        {
            jumps.Add((instructions.Count, slot, target));
            Add(Instruction.Jump(operation, register, immediate, 0));
        }

        public void Goto(string target)
        {
            jumps.Add((instructions.Count, slot, target));
            Add(Instruction.Goto(0));
        }

        public void Label(string name) => labelSlots[name] = slot;
    }
}
