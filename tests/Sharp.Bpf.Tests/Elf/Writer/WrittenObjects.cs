using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Objects written with <see cref="BpfObjectBuilder"/> from hand-written instructions, as the generator will write them,
/// with source lines in fake C# files. Each remembers what it was built from, so tests can compare what tools read back.</summary>
internal static class WrittenObjects
{
    public const string CounterFile = "/src/Probes/XdpCounter.cs";
    public const string FilterFile = "/src/Probes/SocketFilter.cs";
    public const string TracepointFile = "/src/Probes/SchedProbe.cs";

    const int MapLookupElem = 1;

    /// <summary>An object, the ids of its types, and the instructions and lines its programs were given.</summary>
    public sealed record Written(byte[] Elf, IReadOnlyDictionary<string, uint> TypeIds, IReadOnlyDictionary<string, FunctionDefinition> Functions);

    /// <summary>The common types: <c>int</c>, <c>__u32</c>, <c>__u64</c> and <c>int (void *ctx)</c>.</summary>
    static Dictionary<string, uint> AddCommonTypes(BpfObjectBuilder builder)
    {
        var ids = new Dictionary<string, uint>();
        ids["int"] = builder.AddType(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
        ids["__u32"] = builder.AddType(new BtfInt("unsigned int", 4, BtfIntEncoding.None, 0, 32));
        ids["__u64"] = builder.AddType(new BtfInt("unsigned long long", 8, BtfIntEncoding.None, 0, 64));
        uint voidPointer = builder.AddType(new BtfPointer(0));
        ids["program"] = builder.AddType(new BtfFunctionProto(ids["int"], [new BtfParameter("ctx", voidPointer)]));
        return ids;
    }

    static SourceLine Line(string file, int index, int line, string text, int column = 9) => new(index, file, line, column, text);

    /// <summary>XDP: looks up <c>counts[ifindex]</c> in a hash map keyed by a struct and atomically increments it.</summary>
    public static Written XdpCounter()
    {
        var builder = new BpfObjectBuilder("GPL");
        var ids = AddCommonTypes(builder);
        ids["counter_key"] = builder.AddType(new BtfStruct("counter_key", 4, [new BtfMember("ifindex", ids["__u32"], 0)]));
        builder.AddMap(new MapDefinition("counts", MapType.Hash, 16) { KeyTypeId = ids["counter_key"], ValueTypeId = ids["__u64"] });
        var count = new FunctionDefinition("count_packets",
        [
            Instruction.Load(MemorySize.Word, Register.R1, Register.R1, 12),               // 0: ifindex = ctx->ingress_ifindex
            Instruction.Store(MemorySize.Word, Register.R10, -4, Register.R1),             // 1
            Instruction.Alu64(AluOperation.Mov, Register.R2, Register.R10),                // 2
            Instruction.Alu64(AluOperation.Add, Register.R2, -4),                          // 3
            Instruction.LoadImmediate64(Register.R1, 0),                                   // 4: r1 = &counts
            Instruction.CallHelper(MapLookupElem),                                         // 5
            Instruction.Jump(JumpOperation.Jeq, Register.R0, 0, 2),                      // 6
            Instruction.Alu64(AluOperation.Mov, Register.R1, 1),                           // 7
            Instruction.Atomic(AtomicOperation.Add, MemorySize.DoubleWord, Register.R0, 0, Register.R1), // 8
            Instruction.Alu64(AluOperation.Mov, Register.R0, 2),                           // 9: XDP_PASS
            Instruction.Exit(),                                                            // 10
        ], ids["program"])
        {
            References = [new MapLoad(4, "counts")],
            Lines =
            [
                Line(CounterFile, 0, 12, "var key = new CounterKey(ctx.IngressIfindex);"),
                Line(CounterFile, 2, 13, "ref ulong slot = ref Counts.Lookup(key);"),
                Line(CounterFile, 6, 14, "if (!Unsafe.IsNullRef(ref slot))"),
                Line(CounterFile, 7, 15, "Interlocked.Increment(ref slot);", 13),
                Line(CounterFile, 9, 16, "return XdpAction.Pass;"),
            ],
        };
        builder.AddProgram("xdp", count);
        return new Written(builder.Build(), ids, new Dictionary<string, FunctionDefinition> { [count.Name] = count });
    }

    /// <summary>Socket filter: returns the <c>.rodata</c> constant <c>snap_length</c>, counts packets in <c>.bss</c> and keeps
    /// an initialised <c>.data</c> variable.</summary>
    public static Written SocketFilter()
    {
        var builder = new BpfObjectBuilder("Dual MIT/GPL");
        var ids = AddCommonTypes(builder);
        builder.AddGlobal(new GlobalDefinition("generation", ".data", ids["__u32"]) { InitialValue = new byte[] { 7, 0, 0, 0 } });
        builder.AddGlobal(new GlobalDefinition("packets", ".bss", ids["__u64"]));
        builder.AddGlobal(new GlobalDefinition("snap_length", ".rodata", ids["__u32"]) { InitialValue = new byte[] { 0x40, 0, 0, 0 } });
        builder.AddGlobal(new GlobalDefinition("bytes", ".bss", ids["__u64"]));
        var filter = new FunctionDefinition("filter",
        [
            Instruction.LoadImmediate64(Register.R1, 0),                                   // 0: r1 = &packets
            Instruction.Load(MemorySize.DoubleWord, Register.R2, Register.R1, 0),          // 1
            Instruction.Alu64(AluOperation.Add, Register.R2, 1),                           // 2
            Instruction.Store(MemorySize.DoubleWord, Register.R1, 0, Register.R2),         // 3
            Instruction.LoadImmediate64(Register.R1, 0),                                   // 4: r1 = &bytes
            Instruction.Store(MemorySize.DoubleWord, Register.R1, 0, 1),                   // 5
            Instruction.LoadImmediate64(Register.R1, 0),                                   // 6: r1 = &snap_length
            Instruction.Load(MemorySize.Word, Register.R0, Register.R1, 0),                // 7
            Instruction.Exit(),                                                            // 8
        ], ids["program"])
        {
            References = [new GlobalLoad(0, "packets"), new GlobalLoad(4, "bytes"), new GlobalLoad(6, "snap_length")],
            Lines =
            [
                Line(FilterFile, 0, 21, "Packets++;"),
                Line(FilterFile, 4, 22, "Bytes = 1;"),
                Line(FilterFile, 6, 23, "return SnapLength;"),
            ],
        };
        builder.AddProgram("socket", filter);
        return new Written(builder.Build(), ids, new Dictionary<string, FunctionDefinition> { [filter.Name] = filter });
    }

    /// <summary>Tracepoint: calls the static subprogram <c>scale</c>, which calls the global subprogram <c>add_one</c>.</summary>
    public static Written TracepointWithSubprograms()
    {
        var builder = new BpfObjectBuilder("GPL");
        var ids = AddCommonTypes(builder);
        ids["unary"] = builder.AddType(new BtfFunctionProto(ids["int"], [new BtfParameter("x", ids["int"])]));
        var addOne = new FunctionDefinition("add_one",
        [
            Instruction.Alu64(AluOperation.Mov, Register.R0, Register.R1),
            Instruction.Alu32(AluOperation.Add, Register.R0, 1),
            Instruction.Exit(),
        ], ids["unary"]) { Lines = [Line(TracepointFile, 0, 40, "static int AddOne(int x) => x + 1;")] };
        var scale = new FunctionDefinition("scale",
        [
            Instruction.CallLocal(0),
            Instruction.Alu32(AluOperation.Lsh, Register.R0, 1),
            Instruction.Exit(),
        ], ids["unary"])
        {
            References = [new SubprogramCall(0, "add_one")],
            Lines = [Line(TracepointFile, 0, 35, "static int Scale(int x) => AddOne(x) << 1;")],
        };
        var onSwitch = new FunctionDefinition("on_switch",
        [
            Instruction.Alu64(AluOperation.Mov, Register.R1, 20),
            Instruction.CallLocal(0),
            Instruction.Alu64(AluOperation.And, Register.R0, 0),
            Instruction.Exit(),
        ], ids["program"])
        {
            References = [new SubprogramCall(1, "scale")],
            Lines =
            [
                Line(TracepointFile, 0, 28, "var scaled = Scale(20);"),
                Line(TracepointFile, 2, 29, "return scaled & 0;"),
            ],
        };
        builder.AddSubprogram(addOne, BtfFunctionLinkage.Global);
        builder.AddSubprogram(scale);
        builder.AddProgram("tracepoint/sched/sched_switch", onSwitch);
        return new Written(builder.Build(), ids, new[] { addOne, scale, onSwitch }.ToDictionary(f => f.Name));
    }

    /// <summary>Every written object by name, for tests that run each through a tool.</summary>
    public static TheoryData<string> Names => ["xdp_counter", "socket_filter", "tracepoint_with_subprograms"];

    public static Written ByName(string name) => name switch
    {
        "xdp_counter" => XdpCounter(),
        "socket_filter" => SocketFilter(),
        "tracepoint_with_subprograms" => TracepointWithSubprograms(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such written object"),
    };

    static readonly string OutputDirectory = Directory.CreateTempSubdirectory("sharp-bpf-written-").FullName;

    /// <summary>Writes <paramref name="written"/> to a file of this test run's temporary folder and returns its path.</summary>
    public static string SaveToFile(Written written, string name)
    {
        var path = Path.Combine(OutputDirectory, $"{name}-{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, written.Elf);
        return path;
    }
}
