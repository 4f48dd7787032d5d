using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharp.Bpf.Compiler.Lowering;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>Compiles C# snippets in memory (class <c>Subject</c> in /src/Subject.cs, unsafe allowed), lowers their methods,
/// and compares the IR run by <see cref="IrInterpreter"/> with the same method run as managed code.</summary>
internal sealed class LoweringHarness
{
    static readonly MetadataReference[] References = [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Select(path => MetadataReference.CreateFromFile(path))
        .Append(MetadataReference.CreateFromFile(typeof(Sharp.Bpf.Kernel.BpfObjectAttribute).Assembly.Location))];

    readonly Lazy<Assembly> assembly;

    public LoweringHarness(string source)
    {
        Source = source;
        Compilation = CSharpCompilation.Create("Subject" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/src/Subject.cs")],
            References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release));
        var errors = Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("the snippet does not compile: " + string.Join("; ", errors));
        assembly = new Lazy<Assembly>(() =>
        {
            using var stream = new MemoryStream();
            var emitted = Compilation.Emit(stream);
            if (!emitted.Success) throw new InvalidOperationException(string.Join("; ", emitted.Diagnostics));
            return Assembly.Load(stream.ToArray());
        });
    }

    public string Source { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>The names of <c>Subject</c>'s public methods: the cases of a data-driven test that lowers them one by one.</summary>
    public TheoryData<string> PublicMethods() => [.. Compilation.GetTypeByMetadataName("Subject")!
        .GetMembers().OfType<IMethodSymbol>()
        .Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public)
        .Select(m => m.Name)];

    public IMethodSymbol Method(string name) =>
        Compilation.GetTypeByMetadataName("Subject")!.GetMembers(name).OfType<IMethodSymbol>().Single();

    public LoweringResult Lower(string name) => MethodLowerer.Lower(Method(name), Compilation, TestContext.Current.CancellationToken);

    /// <summary>The lowered function, failing the test with the diagnostics if there are any.</summary>
    public Ir.IrFunction Function(string name)
    {
        var result = Lower(name);
        Assert.True(result.Function is not null, $"{name} did not lower: " + string.Join("; ", result.Diagnostics.Select(d => $"{d.Id} {d.Argument}")));
        return result.Function!;
    }

    /// <summary>Runs the method as managed code and as IR on every argument list, and asserts equal results.</summary>
    public void AssertSameResults(string name, IEnumerable<object[]> argumentLists)
    {
        var function = Function(name);
        var method = assembly.Value.GetType("Subject")!.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        var parameters = method.GetParameters();
        int count = 0;
        foreach (var arguments in argumentLists)
        {
            var managed = method.Invoke(null, arguments);
            ulong expected = Canonical(managed!, method.ReturnType);
            ulong actual = IrInterpreter.Run(function, [.. arguments.Select((a, i) => Canonical(a, parameters[i].ParameterType))]);
            if (expected != actual)
                Assert.Fail($"{name}({string.Join(", ", arguments)}): C# gives {managed} (0x{expected:x}), the IR gives 0x{actual:x}");
            count++;
        }
        Assert.True(count > 0);
    }

    /// <summary>Runs the method on boundary values of each parameter's type and on seeded pseudo-random values.</summary>
    public void AssertSameResults(string name, int randomCases = 300)
    {
        var method = Method(name);
        var types = assembly.Value.GetType("Subject")!.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!
            .GetParameters().Select(p => p.ParameterType).ToArray();
        AssertSameResults(name, Inputs(types, randomCases, method.Name.GetHashCode(StringComparison.Ordinal) & 0xFFFF));
    }

    static IEnumerable<object[]> Inputs(Type[] types, int randomCases, int seed)
    {
        var boundaries = types.Select(Boundaries).ToArray();
        if (types.Length == 1)
            foreach (var value in boundaries[0]) yield return [value];
        if (types.Length == 2)
            foreach (var a in boundaries[0])
                foreach (var b in boundaries[1])
                    yield return [a, b];
        var random = new Random(seed);
        for (int i = 0; i < randomCases; i++)
        {
            var arguments = new object[types.Length];
            for (int p = 0; p < types.Length; p++)
            {
                long bits = random.Next(4) switch
                {
                    0 => random.NextInt64(-300, 300),
                    1 => random.NextInt64(),
                    2 => -random.NextInt64(),
                    _ => random.NextInt64(int.MinValue, int.MaxValue),
                };
                arguments[p] = random.Next(3) == 0 ? boundaries[p][random.Next(boundaries[p].Length)] : FromBits(bits, types[p]);
            }
            yield return arguments;
        }
    }

    static object[] Boundaries(Type type)
    {
        long[] raw = [0, 1, -1, 2, -2, 7, 8, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
            int.MaxValue, int.MinValue, uint.MaxValue, long.MaxValue, long.MinValue, -128, -129, -32768];
        return [.. raw.Select(v => FromBits(v, type)).Distinct()];
    }

    static object FromBits(long bits, Type type)
    {
        if (type.IsEnum) return Enum.ToObject(type, FromBits(bits, Enum.GetUnderlyingType(type)));
        if (type == typeof(nint)) return (nint)bits;
        if (type == typeof(nuint)) return (nuint)bits;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => (bits & 1) != 0,
            TypeCode.Char => (char)bits,
            TypeCode.SByte => (sbyte)bits,
            TypeCode.Byte => (byte)bits,
            TypeCode.Int16 => (short)bits,
            TypeCode.UInt16 => (ushort)bits,
            TypeCode.Int32 => (int)bits,
            TypeCode.UInt32 => (uint)bits,
            TypeCode.Int64 => bits,
            TypeCode.UInt64 => (ulong)bits,
            _ => throw new NotSupportedException(type.Name),
        };
    }

    /// <summary>A managed value as the lowering keeps it in a register: zero-extended from its own width.</summary>
    static ulong Canonical(object value, Type type)
    {
        if (type.IsEnum) return Canonical(System.Convert.ChangeType(value, Enum.GetUnderlyingType(type), null)!, Enum.GetUnderlyingType(type));
        return value switch
        {
            bool v => v ? 1UL : 0,
            char v => v,
            sbyte v => (byte)v,
            byte v => v,
            short v => (ushort)v,
            ushort v => v,
            int v => (uint)v,
            uint v => v,
            long v => (ulong)v,
            ulong v => v,
            nint v => (ulong)v,
            nuint v => v,
            _ => throw new NotSupportedException(value.GetType().Name),
        };
    }
}
