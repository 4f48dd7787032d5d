using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

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

/// <summary>One program: a method with a program attribute that returns a constant.</summary>
/// <param name="Name">The C# method name, used as the ELF/BTF function name.</param>
/// <param name="SectionName">libbpf section name, from the program attribute.</param>
/// <param name="ContextParameterName">Name of the context parameter (for BTF).</param>
/// <param name="ReturnValue">The constant the method returns.</param>
/// <param name="ReturnAt">Where the returned expression is (line info).</param>
/// <param name="ReturnText">The source text of the returning line, trimmed.</param>
internal sealed record ProgramModel(string Name, string SectionName, string ContextParameterName, int ReturnValue, SourceSpan ReturnAt, string ReturnText);

/// <summary>One <c>[BpfObject]</c> class.</summary>
internal sealed record ObjectModel(
    string? Namespace,
    string ClassName,
    string TypeKeyword,
    bool IsStatic,
    string HintName,
    string License,
    EquatableArray<ProgramModel> Programs,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The compiled object: the ELF bytes, or the diagnostics that stopped it.</summary>
internal sealed record EmittedObject(ObjectModel Model, EquatableArray<byte> Elf, EquatableArray<DiagnosticInfo> Diagnostics);
