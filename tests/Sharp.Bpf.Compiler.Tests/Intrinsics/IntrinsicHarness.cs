using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Lowering;
using Sharp.Bpf.Compiler.Optimization;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary>Lowers kernel-side C# snippets in memory: <paramref name="members"/> become the members of a
/// <c>[BpfObject]</c> class <c>Probe</c>, and the method named <c>Run</c> is lowered with <see cref="MethodLowerer"/>.</summary>
internal static class IntrinsicHarness
{
    public const string Prelude = """
        using System;
        using System.Buffers.Binary;
        using Sharp.Bpf.Kernel;

        public struct Pair { public uint A; public uint B; }

        [BpfObject(License = "GPL")]
        public static partial class Probe
        {

        """;

    public static LoweringResult Lower(string members)
    {
        var (compilation, method) = Compile(members);
        return MethodLowerer.Lower(method, compilation, TestContext.Current.CancellationToken);
    }

    /// <summary>The compilation of the snippet and its <c>Run</c> method.</summary>
    public static (CSharpCompilation Compilation, IMethodSymbol Run) Compile(string members)
    {
        var source = Prelude + members + "\n}\n";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Sharp.Bpf.Kernel.BpfObjectAttribute).Assembly.Location));
        var token = TestContext.Current.CancellationToken;
        var compilation = CSharpCompilation.Create("Kernel",
            [CSharpSyntaxTree.ParseText(source, path: "/src/Kernel.cs", cancellationToken: token)],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var errors = compilation.GetDiagnostics(token).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the snippet does not compile: " + string.Join("; ", errors));
        return (compilation, compilation.GetTypeByMetadataName("Probe")!.GetMembers("Run").OfType<IMethodSymbol>().Single());
    }

    /// <summary>The snippet as a loaded assembly, to run <c>Probe.Run</c> as managed code (the kernel types' managed
    /// semantics are the oracle).</summary>
    public static System.Reflection.MethodInfo ManagedRun(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        var assembly = System.Reflection.Assembly.Load(image.ToArray());
        return assembly.GetType("Probe")!.GetMethod("Run")!;
    }

    /// <summary>The IR of <c>Run</c>; fails with the diagnostics when it did not lower.</summary>
    public static IrFunction Ir(string members)
    {
        var result = Lower(members);
        Assert.True(result.Function is not null, "lowering failed: " + string.Join("; ", result.Diagnostics.Select(d => $"{d.Id} {d.Argument}")));
        return result.Function!;
    }

    /// <summary>The ids of the diagnostics lowering <c>Run</c> reported.</summary>
    public static IReadOnlyList<string> DiagnosticIds(string members) => [.. Lower(members).Diagnostics.Select(d => d.Id)];

    public static IEnumerable<IrInstruction> Instructions(this IrFunction function) => function.Blocks.SelectMany(b => b.Instructions);

    public static IEnumerable<T> All<T>(this IrFunction function) where T : IrInstruction => function.Instructions().OfType<T>();

    /// <summary>The helper calls, in block order.</summary>
    public static IReadOnlyList<CallHelper> Calls(this IrFunction function) => [.. function.All<CallHelper>()];

    /// <summary>The register a context load of <paramref name="offset"/> from v0 defines.</summary>
    public static VReg ContextLoad(this IrFunction function, short offset, int size = 4) =>
        Assert.Single(function.All<Load>(), l => l.Base == new VReg(0) && l.Offset == offset && l.Size == size).Dst;

    /// <summary>The instruction that defines <paramref name="register"/> (the first, for registers assigned on several paths).</summary>
    public static IrInstruction Definition(this IrFunction function, VReg register) =>
        function.Instructions().First(i => IrOperands.Defined(i) == register);

    /// <summary>Follows register copies back to the instruction that computed <paramref name="register"/>'s value.</summary>
    public static IrInstruction Origin(this IrFunction function, VReg register)
    {
        var definition = function.Definition(register);
        while (definition is Move { Src: VReg source }) definition = function.Definition(source);
        return definition;
    }

    /// <summary>The bounds checks: 64-bit unsigned-greater branches against <paramref name="dataEnd"/>.</summary>
    public static IReadOnlyList<Branch> BoundsChecks(this IrFunction function, VReg dataEnd) =>
        [.. function.Blocks.Select(b => b.Terminator).OfType<Branch>().Where(b => b.Condition == Condition.Ugt && b.Width == Width.W64
            && b.Right is VReg right && function.Origin(right) is Load { Base.Id: 0 } load && load.Dst == dataEnd)];
}
