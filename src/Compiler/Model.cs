using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Types;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Compiler;

// The equatable model between pipeline steps: no ISymbol, SyntaxNode, Compilation or Location, only values.

/// <summary>Where something is in the C# source: enough to rebuild a <see cref="Location"/> and to write line info.</summary>
internal sealed record SourceSpan(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan From(Location location)
    {
        var line = location.GetLineSpan();
        return new(line.Path ?? "", location.SourceSpan.Start, location.SourceSpan.Length,
            line.StartLinePosition.Line, line.StartLinePosition.Character, line.EndLinePosition.Line, line.EndLinePosition.Character);
    }

    public Location ToLocation() => Location.Create(FilePath, new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic to report, as values.</summary>
internal sealed record DiagnosticInfo(string Id, SourceSpan? Where, string Argument);

/// <summary>A program's attribute, evaluated: what the Kernel attribute's own <c>SectionName</c>, <c>ProgramType</c> and
/// <c>ExpectedAttachType</c> say for the arguments written.</summary>
/// <param name="Kind">The attribute's name without "Attribute" (<c>Xdp</c>, <c>Tcx</c>, <c>Tracepoint</c>...).</param>
/// <param name="Arguments">The attribute's own properties and their values (<c>Category</c>=<c>syscalls</c>,
/// <c>Direction</c>=<c>Ingress</c>), for the typed bindings' attach methods.</param>
internal sealed record ProgramDeclaration(string Kind, string SectionName, ProgramType ProgramType, AttachType ExpectedAttachType,
    EquatableArray<ProgramArgument> Arguments)
{
    /// <summary>The value of the attribute property <paramref name="name"/>, or null.</summary>
    public string? Argument(string name) => Arguments.FirstOrDefault(argument => argument.Name == name)?.Value;
}

/// <summary>One property of a program attribute: enums by member name, numbers invariant, strings as written.</summary>
internal sealed record ProgramArgument(string Name, string Value);

/// <summary>A program's context parameter, typed as clang would type it in BTF.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="KernelStructName">The kernel struct the context points to (<c>__sk_buff</c>, <c>xdp_md</c>, <c>pt_regs</c>);
/// null for a user-declared struct (<see cref="Shape"/>).</param>
/// <param name="Shape">A user-declared context record (a tracepoint's fields), or null.</param>
internal sealed record ContextParameter(string Name, string? KernelStructName, StructShape? Shape);

/// <summary>One program: a static method with a program attribute.</summary>
/// <param name="Name">The C# method name, used as the ELF/BTF function name.</param>
/// <param name="Context">The context parameter, or null for a method without parameters.</param>
/// <param name="At">The method's name in source (diagnostics).</param>
/// <param name="Function">The lowered IR; null when the lowering reported errors.</param>
/// <param name="Subprograms">The lowered <c>bpf_loop</c> bodies the program uses, each a function of its own in the object.</param>
internal sealed record ProgramModel(string Name, ProgramDeclaration Declaration, ContextParameter? Context, SourceSpan At, IrFunction? Function,
    EquatableArray<IrFunction> Subprograms);

/// <summary>One map: a <c>static readonly</c> field initialised with <c>new</c> of a Kernel map declaration class.</summary>
/// <param name="Name">The field name: the map's name in the object.</param>
/// <param name="Kind">The Kernel declaration class (<c>HashMap</c>, <c>RingBuffer</c>...).</param>
/// <param name="Key">The key's layout; null for maps without BTF key (ring buffers, queues) — then <see cref="KeySize"/>.</param>
/// <param name="Value">The value's layout; null for maps without BTF value — then <see cref="ValueSize"/>.</param>
/// <param name="KeySize">The key's size when <see cref="Key"/> is null (0 for none).</param>
/// <param name="ValueSize">The value's size when <see cref="Value"/> is null (0 for none).</param>
/// <param name="Element">The C# element type of maps without BTF value that still carry one (a ring buffer's record), or null.</param>
internal sealed record MapModel(string Name, string Kind, MapType Type, TypeShape? Key, TypeShape? Value, uint KeySize, uint ValueSize,
    TypeShape? Element, uint MaxEntries, uint Flags, MapPinning Pinning, SourceSpan At);

/// <summary>One global variable: a static non-map field.</summary>
/// <param name="Name">The field name: the variable's name in the object and in BTF.</param>
/// <param name="SectionName"><c>.rodata</c>, <c>.data</c> or <c>.bss</c>.</param>
/// <param name="InitialValue">The constant initialiser's bytes (little-endian, <see cref="TypeShape.Size"/> long); empty for .bss.</param>
/// <param name="IsConfiguration">Marked <c>[Configuration]</c>: settable by user space before load.</param>
internal sealed record GlobalModel(string Name, string SectionName, TypeShape Type, EquatableArray<byte> InitialValue, bool IsConfiguration, SourceSpan At);

/// <summary>One <c>/pathmap</c> entry: a source path prefix and what to write instead.</summary>
internal sealed record PathMapping(string From, string To);

/// <summary>One <c>[BpfObject]</c> class.</summary>
/// <param name="PathMap">The compilation's <c>/pathmap</c>, applied to the source paths in line info as it is to PDBs;
/// empty when none is given, so line info keeps the absolute paths llvm-objdump and bpftool read.</param>
internal sealed record ObjectModel(
    string? Namespace,
    string ClassName,
    string TypeKeyword,
    bool IsStatic,
    string HintName,
    string License,
    EquatableArray<ProgramModel> Programs,
    EquatableArray<MapModel> Maps,
    EquatableArray<GlobalModel> Globals,
    EquatableArray<PathMapping> PathMap,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Any diagnostic is an error: all the compiler's descriptors are.</summary>
    public bool HasErrors => Diagnostics.Count > 0;

    /// <summary><paramref name="path"/> with the first matching <see cref="PathMap"/> prefix replaced.</summary>
    public string MapPath(string path)
    {
        foreach (var mapping in PathMap)
            if (mapping.From.Length > 0 && path.StartsWith(mapping.From, StringComparison.Ordinal))
                return mapping.To + path[mapping.From.Length..];
        return path;
    }
}

/// <summary>The compiled object: the ELF bytes, or the diagnostics that stopped it.</summary>
internal sealed record EmittedObject(ObjectModel Model, EquatableArray<byte> Elf, EquatableArray<DiagnosticInfo> Diagnostics);
