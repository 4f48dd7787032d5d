using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Assemblies;

/// <summary>Assemblies compiled in the test with Roslyn that embed known objects exactly as the Sharp.Bpf compiler embeds them
/// (<c>public static ReadOnlySpan&lt;byte&gt; ObjectBytes =&gt; new byte[] { ... };</c>), written to a temporary file.</summary>
internal static class EmbeddingAssemblies
{
    public const string CounterFile = "/src/Probes/Counter.cs";
    public const string FilterFile = "/src/Probes/Filters/Filter.cs";

    const int MapLookupElem = 1;

    static readonly string OutputDirectory = Directory.CreateTempSubdirectory("sharp-bpf-assemblies-").FullName;

    /// <summary>An XDP program <c>count</c> that looks up a hash map and calls the static subprogram <c>bump</c> in <c>.text</c>, and a
    /// socket filter <c>keep</c>, with C# lines.</summary>
    public static byte[] CounterObject { get; } = BuildCounter();

    /// <summary>One socket filter <c>filter</c> that returns the second <c>.rodata</c> global, with C# lines.</summary>
    public static byte[] FilterObject { get; } = BuildFilter();

    /// <summary><c>Probes.Counter</c> and <c>Probes.Filters.Filter</c> embed <see cref="CounterObject"/> and <see cref="FilterObject"/>;
    /// <c>Probes.Decoy</c> has an <c>ObjectBytes</c> of another type, which is not an embedded object.</summary>
    public static string Probes { get; } = Compile("Probes",
        ObjectClass("Probes", "Counter", CounterObject) + ObjectClass("Probes.Filters", "Filter", FilterObject)
        + "namespace Probes { public static class Decoy { public static byte[] ObjectBytes => new byte[] { 1, 2, 3 }; } }\n");

    /// <summary>The C# the compiler generates for an object class.</summary>
    public static string ObjectClass(string ns, string name, byte[] bytes) =>
        $"namespace {ns}\n{{\n    public static partial class {name}\n    {{\n        {ObjectProperty(bytes)}\n    }}\n}}\n";

    /// <summary>The generated property: <c>public static ReadOnlySpan&lt;byte&gt; ObjectBytes =&gt; new byte[] { ... };</c>.</summary>
    public static string ObjectProperty(byte[] bytes) =>
        $"public static global::System.ReadOnlySpan<byte> ObjectBytes => new byte[] {{ {string.Join(", ", bytes.Select(b => $"0x{b:X2}"))} }};";

    /// <summary>Compiles <paramref name="source"/> into a library (optimised, as <c>dotnet build -c Release</c> does, unless told
    /// otherwise) and returns its path.</summary>
    public static string Compile(string name, string source, OptimizationLevel optimization = OptimizationLevel.Release)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimization));
        var path = Path.Combine(OutputDirectory, $"{name}-{Guid.NewGuid():N}.dll");
        using (var output = File.Create(path))
        {
            var result = compilation.Emit(output);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        }
        return path;
    }

    /// <summary>A fresh empty directory under this run's temporary folder.</summary>
    public static string NewDirectory() => Path.Combine(OutputDirectory, $"out-{Guid.NewGuid():N}");

    static SourceLine Line(string file, int index, int line, string text) => new(index, file, line, 9, text);

    static byte[] BuildCounter()
    {
        var builder = new BpfObjectBuilder("GPL");
        uint integer = builder.AddType(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
        uint key = builder.AddType(new BtfInt("unsigned int", 4, BtfIntEncoding.None, 0, 32));
        uint value = builder.AddType(new BtfInt("unsigned long long", 8, BtfIntEncoding.None, 0, 64));
        uint pointer = builder.AddType(new BtfPointer(0));
        uint program = builder.AddType(new BtfFunctionProto(integer, [new BtfParameter("ctx", pointer)]));
        uint helper = builder.AddType(new BtfFunctionProto(integer, [new BtfParameter("slot", pointer)]));
        builder.AddMap(new MapDefinition("counts", MapType.Hash, 16) { KeyTypeId = key, ValueTypeId = value });
        builder.AddSubprogram(new FunctionDefinition("bump",
        [
            Instruction.Load(MemorySize.DoubleWord, Register.R2, Register.R1, 0),
            Instruction.Alu64(AluOperation.Add, Register.R2, 1),
            Instruction.Store(MemorySize.DoubleWord, Register.R1, 0, Register.R2),
            Instruction.Alu64(AluOperation.Mov, Register.R0, 0),
            Instruction.Exit(),
        ], helper) { Lines = [Line(CounterFile, 0, 20, "static int Bump(ref ulong slot) { slot++; return 0; }")] });
        builder.AddProgram("xdp", new FunctionDefinition("count",
        [
            Instruction.Load(MemorySize.Word, Register.R1, Register.R1, 12),
            Instruction.Store(MemorySize.Word, Register.R10, -4, Register.R1),
            Instruction.Alu64(AluOperation.Mov, Register.R2, Register.R10),
            Instruction.Alu64(AluOperation.Add, Register.R2, -4),
            Instruction.LoadImmediate64(Register.R1, 0),
            Instruction.CallHelper(MapLookupElem),
            Instruction.Jump(JumpOperation.Jeq, Register.R0, 0, 2),
            Instruction.Alu64(AluOperation.Mov, Register.R1, Register.R0),
            Instruction.CallLocal(0),
            Instruction.Alu64(AluOperation.Mov, Register.R0, 2),
            Instruction.Exit(),
        ], program)
        {
            References = [new MapLoad(4, "counts"), new SubprogramCall(8, "bump")],
            Lines =
            [
                Line(CounterFile, 0, 12, "    uint key = ctx.IngressIfindex;"),
                Line(CounterFile, 2, 13, "ref ulong slot = ref Counts.Lookup(key);"),
                Line(CounterFile, 6, 14, "if (!Unsafe.IsNullRef(ref slot)) Bump(ref slot);"),
                Line(CounterFile, 9, 15, "return XdpAction.Pass;"),
            ],
        });
        builder.AddProgram("socket", new FunctionDefinition("keep",
        [
            Instruction.Alu64(AluOperation.Mov, Register.R0, 42),
            Instruction.Exit(),
        ], program) { Lines = [Line(CounterFile, 0, 25, "[SocketFilter] public static int Keep(SkBuff skb) => 42;")] });
        return builder.Build();
    }

    static byte[] BuildFilter()
    {
        var builder = new BpfObjectBuilder("Dual MIT/GPL");
        uint integer = builder.AddType(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
        uint pointer = builder.AddType(new BtfPointer(0));
        uint program = builder.AddType(new BtfFunctionProto(integer, [new BtfParameter("ctx", pointer)]));
        builder.AddGlobal(new GlobalDefinition("generation", ".rodata", integer) { InitialValue = new byte[] { 1, 0, 0, 0 } });
        builder.AddGlobal(new GlobalDefinition("snap_length", ".rodata", integer) { InitialValue = new byte[] { 0x40, 0, 0, 0 } });
        builder.AddProgram("socket", new FunctionDefinition("filter",
        [
            Instruction.LoadImmediate64(Register.R1, 0),
            Instruction.Load(MemorySize.Word, Register.R0, Register.R1, 0),
            Instruction.Exit(),
        ], program)
        {
            References = [new GlobalLoad(0, "snap_length")],
            Lines = [Line(FilterFile, 0, 7, "[SocketFilter] public static int Filter(SkBuff skb) => SnapLength;")],
        });
        return builder.Build();
    }
}
