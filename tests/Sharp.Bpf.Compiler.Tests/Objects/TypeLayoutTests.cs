using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharp.Bpf.Compiler.Tests.Objects.LayoutSamples;
using Sharp.Bpf.Compiler.Types;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary><see cref="TypeLayout"/> agrees with the runtime: for every struct in the table, size and every field's offset
/// equal what the CLR gives the compiled type (<c>Unsafe.SizeOf</c>, field addresses), whether the symbol comes from
/// source or from a referenced assembly's metadata.</summary>
public class TypeLayoutTests
{
    public static TheoryData<Type> LaidOutTypes =>
    [
        typeof(MixedSizes), typeof(PackedOne), typeof(PackedTwo), typeof(PackedFour), typeof(PackedSixteen),
        typeof(SizedLarger), typeof(SizedSmaller), typeof(SizedOdd), typeof(Union), typeof(ExplicitPacked), typeof(ExplicitSized),
        typeof(Inner), typeof(Outer), typeof(PackedOuter), typeof(FixedBuffers), typeof(SevenInts), typeof(ThreeInners),
        typeof(WithInlineArrays), typeof(WithEnums), typeof(WithPointers), typeof(Node), typeof(WithProperties), typeof(Empty),
        typeof(WithEmpty), typeof(Pair<byte, long>), typeof(Pair<Inner, byte>), typeof(RecordStruct), typeof(WithFloats),
        typeof(WithStatics),
    ];

    public static TheoryData<Type> KernelTypes =>
    [
        typeof(Kernel.EthernetHeader), typeof(Kernel.IcmpHeader), typeof(Kernel.Icmpv6Header), typeof(Kernel.Ipv4Header),
        typeof(Kernel.Ipv6Address), typeof(Kernel.Ipv6ExtensionHeader), typeof(Kernel.Ipv6FragmentHeader), typeof(Kernel.Ipv6Header),
        typeof(Kernel.LpmTrieKey<uint>), typeof(Kernel.LpmTrieKey<Kernel.Ipv6Address>), typeof(Kernel.MacAddress),
        typeof(Kernel.PtRegs), typeof(Kernel.RawTracepointArguments), typeof(Kernel.TaskComm), typeof(Kernel.TcpHeader), typeof(Kernel.TracepointCommonFields),
        typeof(Kernel.UdpHeader), typeof(Kernel.VlanHeader),
    ];

    [Theory]
    [MemberData(nameof(LaidOutTypes))]
    public void Source_struct_layout_matches_the_runtime(Type type) =>
        AssertMatchesRuntime(type, SourceCompilation.Value);

    [Theory]
    [MemberData(nameof(LaidOutTypes))]
    [MemberData(nameof(KernelTypes))]
    public void Metadata_struct_layout_matches_the_runtime(Type type) =>
        AssertMatchesRuntime(type, MetadataCompilation.Value);

    [Theory]
    [InlineData(typeof(AClass), "is a reference type")]
    [InlineData(typeof(WithString), "field 'Sharp.Bpf.Compiler.Tests.Objects.LayoutSamples.WithString.B': 'string' is a reference type")]
    [InlineData(typeof(AutoLayout), "has auto layout")]
    [InlineData(typeof(WithAutoLayout), "field 'Sharp.Bpf.Compiler.Tests.Objects.LayoutSamples.WithAutoLayout.B': 'Sharp.Bpf.Compiler.Tests.Objects.LayoutSamples.AutoLayout' has auto layout")]
    [InlineData(typeof(ARefStruct), "is a ref struct")]
    [InlineData(typeof(WithInt128), "16-byte alignment")]
    [InlineData(typeof(WithDecimal), "'decimal' has no eBPF representation")]
    [InlineData(typeof(WithNestedObject), "field 'Sharp.Bpf.Compiler.Tests.Objects.LayoutSamples.WithNestedObject.B': field 'Sharp.Bpf.Compiler.Tests.Objects.LayoutSamples.WithString.B'")]
    public void Unsupported_type_says_why(Type type, string reason)
    {
        foreach (var compilation in new[] { SourceCompilation.Value, MetadataCompilation.Value })
        {
            var result = TypeLayout.Of(Symbol(type, compilation));
            Assert.Null(result.Shape);
            Assert.Contains(reason, result.WhyNot);
        }
    }

    [Fact]
    public void Type_parameter_says_why()
    {
        var pair = (INamedTypeSymbol)Symbol(typeof(Pair<,>), SourceCompilation.Value);
        var result = TypeLayout.Of(pair);
        Assert.Null(result.Shape);
        Assert.Contains("'TFirst' is a type parameter", result.WhyNot);
    }

    [Fact]
    public void Unresolved_type_says_why()
    {
        var compilation = Compile("struct S { public Missing A; }");
        var result = TypeLayout.Of(compilation.GetTypeByMetadataName("S")!);
        Assert.Contains("could not be resolved", result.WhyNot);
    }

    [Fact]
    public void Enum_keeps_underlying_type_and_members()
    {
        var shape = Assert.IsType<EnumShape>(TypeLayout.Of(Symbol(typeof(BigCode), MetadataCompilation.Value)).Shape);
        Assert.Equal(new IntegerShape("ulong", 8, false), shape.Underlying);
        Assert.Equal([new EnumMemberShape("Low", 1), new EnumMemberShape("High", long.MinValue)], shape.Members);
    }

    [Fact]
    public void Self_referencing_pointer_becomes_a_forward_declaration()
    {
        var shape = Assert.IsType<StructShape>(TypeLayout.Of(Symbol(typeof(Node), SourceCompilation.Value)).Shape);
        var next = Assert.IsType<PointerShape>(shape.Field("Next")!.Type);
        Assert.Equal(new ForwardShape("Node", "global::Sharp.Bpf.Compiler.Tests.Objects.LayoutSamples.Node"), next.Pointee);
    }

    [Fact]
    public void Generic_struct_gets_a_C_identifier_name()
    {
        var shape = Assert.IsType<StructShape>(TypeLayout.Of(Symbol(typeof(Kernel.LpmTrieKey<uint>), MetadataCompilation.Value)).Shape);
        Assert.Equal("LpmTrieKey_uint", shape.Name);
        Assert.Equal("global::Sharp.Bpf.Kernel.LpmTrieKey<uint>", shape.CSharpName);
    }

    [Fact]
    public void Layouts_from_two_compilations_are_equal_values()
    {
        var first = TypeLayout.Of(Symbol(typeof(WithInlineArrays), SourceCompilation.Value));
        var second = TypeLayout.Of(Symbol(typeof(WithInlineArrays), Compile(File.ReadAllText(SampleSource.Path()))));
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    static void AssertMatchesRuntime(Type type, Compilation compilation)
    {
        var result = TypeLayout.Of(Symbol(type, compilation));
        Assert.True(result.Shape is not null, result.WhyNot);
        AssertShapeMatches(type, result.Shape);
    }

    static void AssertShapeMatches(Type type, TypeShape shape)
    {
        Assert.Equal(SizeOf(type), shape.Size);
        if (shape is not StructShape structShape) return;
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.Equal(fields.Length, structShape.Fields.Count);
        foreach (var field in fields)
        {
            string name = field.Name.StartsWith('<') ? field.Name[1..field.Name.IndexOf('>')] : field.Name;
            var fieldShape = structShape.Field(name);
            Assert.True(fieldShape is not null, $"{type.Name}.{name} missing");
            Assert.True(OffsetOf(field) == fieldShape.Offset, $"{type.Name}.{name}: runtime offset {OffsetOf(field)}, computed {fieldShape.Offset}");
            if (fieldShape.Type is ArrayShape array)
                Assert.Equal(SizeOf(field.FieldType), array.Size);
            else
                AssertShapeMatches(field.FieldType, fieldShape.Type);
        }
    }

    static int SizeOf(Type type) => type.IsPointer
        ? IntPtr.Size
        : (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

    /// <summary>The field's managed offset: the address <c>ldflda</c> yields minus the struct's address.</summary>
    static int OffsetOf(FieldInfo field)
    {
        var method = new DynamicMethod("OffsetOf", typeof(nint), [field.DeclaringType!.MakeByRefType()], typeof(TypeLayoutTests).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldflda, field);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Ret);
        var instance = Activator.CreateInstance(field.DeclaringType!);
        var invoke = typeof(TypeLayoutTests).GetMethod(nameof(InvokeOnBox), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(field.DeclaringType!);
        return (int)(nint)invoke.Invoke(null, [method, instance])!;
    }

    delegate nint OffsetFunc<T>(ref T value);

    static nint InvokeOnBox<T>(DynamicMethod method, object boxed)
    {
        var value = (T)boxed;
        return ((OffsetFunc<T>)method.CreateDelegate(typeof(OffsetFunc<T>)))(ref value);
    }

    static ITypeSymbol Symbol(Type type, Compilation compilation)
    {
        var definition = compilation.GetTypeByMetadataName((type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!);
        Assert.NotNull(definition);
        if (!type.IsGenericType || type.IsGenericTypeDefinition) return definition;
        return definition.Construct([.. type.GetGenericArguments().Select(argument => Symbol(argument, compilation))]);
    }

    static readonly Lazy<Compilation> SourceCompilation = new(() => Compile(File.ReadAllText(SampleSource.Path())));

    /// <summary>A compilation that sees the samples and the Kernel structs only through metadata.</summary>
    static readonly Lazy<Compilation> MetadataCompilation = new(() => Compile("", typeof(TypeLayoutTests).Assembly.Location));

    static Compilation Compile(string source, params string[] extraReferences)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Append(typeof(Kernel.BpfObjectAttribute).Assembly.Location)
            .Concat(extraReferences)
            .Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create("Layouts", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
    }
}
