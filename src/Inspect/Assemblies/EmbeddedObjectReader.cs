using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Sharp.Bpf.Inspect.Assemblies;

/// <summary>Finds the eBPF objects a .NET assembly embeds, by reading its metadata and IL (Mono.Cecil), without loading or running
/// it. The compiler gives every <c>[BpfObject]</c> class <c>public static ReadOnlySpan&lt;byte&gt; ObjectBytes =&gt; new byte[] { ... };</c>,
/// which C# compiles to a getter that wraps a constant data field (<c>ldsflda</c> of a field with an RVA, <c>ldc.i4</c> of the length,
/// <c>newobj ReadOnlySpan&lt;byte&gt;(void*, int)</c>); so any type with a static <c>ObjectBytes</c> property of that type holds one, and
/// its bytes are the field's initial value, however the rest of the generated code grows.</summary>
internal static class EmbeddedObjectReader
{
    /// <summary>The property the compiler generates.</summary>
    public const string PropertyName = "ObjectBytes";

    /// <summary>What the reader looks for, for messages that say what was not found.</summary>
    public const string WhatIsLookedFor = "no type has a static ReadOnlySpan<byte> ObjectBytes property, which the Sharp.Bpf compiler generates for each [BpfObject] class";

    const string SpanTypeName = "System.ReadOnlySpan`1<System.Byte>";

    /// <summary>Reads every embedded object of the assembly at <paramref name="path"/>, in metadata order.</summary>
    /// <exception cref="AssemblyReadException">The file is missing or unreadable, is not a .NET assembly, embeds no object, or an
    /// <c>ObjectBytes</c> getter is not the constant data the compiler writes.</exception>
    public static IReadOnlyList<EmbeddedObject> Read(string path)
    {
        using var module = Open(path);
        var objects = new List<EmbeddedObject>();
        foreach (var type in module.GetTypes())
        {
            var property = type.Properties.FirstOrDefault(p => p.Name == PropertyName && p.GetMethod is { IsStatic: true }
                                                               && p.PropertyType.FullName == SpanTypeName);
            if (property is null) continue;
            var typeName = type.FullName.Replace('/', '.');
            objects.Add(new EmbeddedObject(typeName, type.Name, BytesOf(property.GetMethod, typeName)));
        }
        return objects.Count > 0 ? objects : throw new AssemblyReadException($"no embedded eBPF objects: {WhatIsLookedFor}");
    }

    /// <summary>Whether the file at <paramref name="path"/> starts like a PE image (<c>MZ</c>), as .NET assemblies do, rather than
    /// like an ELF object; false when it cannot be read (the caller's own read reports why).</summary>
    public static bool LooksLikeAssembly(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[2];
            return file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == (byte)'M' && magic[1] == (byte)'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    static ModuleDefinition Open(string path)
    {
        if (Directory.Exists(path)) throw new AssemblyReadException("is a directory, not an assembly");
        if (!File.Exists(path)) throw new AssemblyReadException("no such file");
        try
        {
            return ModuleDefinition.ReadModule(path, new ReaderParameters { InMemory = true, ReadSymbols = false });
        }
        catch (Exception e) when (e is BadImageFormatException or EndOfStreamException or ArgumentOutOfRangeException or InvalidOperationException or NotSupportedException)
        {
            throw new AssemblyReadException(IsElf(path)
                ? "not a .NET assembly but an ELF file; for an eBPF object use 'sharp-bpf disasm' or 'sharp-bpf verify'"
                : $"not a .NET assembly ({e.Message.TrimEnd('.')})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AssemblyReadException(e.Message, e);
        }
    }

    static bool IsElf(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return file.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0x7f, (byte)'E', (byte)'L', (byte)'F']);
    }

    /// <summary>Decodes the getter: <c>ldsflda F; ldc.i4 N; newobj ReadOnlySpan&lt;byte&gt;::.ctor(void*, int32); ret</c> gives the first
    /// N bytes of F's initial value; <c>default</c> (what the compiler writes after errors) gives no bytes.</summary>
    static byte[] BytesOf(MethodDefinition getter, string typeName)
    {
        var code = getter.HasBody ? getter.Body.Instructions.Where(i => i.OpCode.Code != Code.Nop).ToList() : [];
        if (code.Count >= 3 && code[0].OpCode.Code == Code.Ldsflda && code[0].Operand is FieldReference fieldReference
            && LoadedConstant(code[1]) is int length
            && code[2].OpCode.Code == Code.Newobj && code[2].Operand is MethodReference { Name: ".ctor", Parameters.Count: 2 } constructor
            && constructor.DeclaringType.FullName == SpanTypeName && constructor.Parameters[0].ParameterType.IsPointer)
        {
            var field = fieldReference.Resolve();
            var data = field?.InitialValue ?? [];
            if (length < 0 || length > data.Length)
                throw new AssemblyReadException($"{typeName}.{PropertyName} claims {length} bytes, but its data field {fieldReference.Name} holds {data.Length}");
            return data[..length];
        }
        if (code.Any(i => i.OpCode.Code == Code.Initobj) && code.All(i => i.OpCode.Code is Code.Ldloca or Code.Ldloca_S or Code.Initobj
                or Code.Ldloc or Code.Ldloc_0 or Code.Ldloc_S or Code.Stloc_0 or Code.Ret or Code.Br or Code.Br_S))
            return [];
        throw new AssemblyReadException($"{typeName}.{PropertyName} is not a constant byte array (its getter is {Describe(code)}); the Sharp.Bpf compiler writes 'ObjectBytes => new byte[] {{ ... }}'");
    }

    static int? LoadedConstant(Instruction instruction) => instruction.OpCode.Code switch
    {
        Code.Ldc_I4 => (int)instruction.Operand,
        Code.Ldc_I4_S => (sbyte)instruction.Operand,
        Code.Ldc_I4_M1 => -1,
        >= Code.Ldc_I4_0 and <= Code.Ldc_I4_8 => instruction.OpCode.Code - Code.Ldc_I4_0,
        _ => null,
    };

    static string Describe(List<Instruction> code) => code.Count == 0
        ? "empty"
        : string.Join("; ", code.Take(4).Select(i => i.OpCode.Name)) + (code.Count > 4 ? "; ..." : "");
}
