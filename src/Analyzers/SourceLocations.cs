using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Sharp.Bpf.Compiler;

namespace Sharp.Bpf.Analyzers;

/// <summary>Turns the compiler's <see cref="SourceSpan"/> back into a location in one of the compilation's syntax trees.
/// The compiler's model holds only values (file paths, lines and offsets); an analyzer's diagnostics need source
/// locations, or the editor cannot underline them and <c>#pragma warning disable</c> cannot suppress them.</summary>
internal static class SourceLocations
{
    /// <summary>The location of <paramref name="span"/>, looked up first in the files that declare <paramref name="type"/>,
    /// then in the whole compilation; <see cref="Location.None"/> when there is no span, and the span's own file location
    /// when no syntax tree has its path and lines.</summary>
    public static Location Find(SourceSpan? span, INamedTypeSymbol type, Compilation compilation)
    {
        if (span is null) return Location.None;
        foreach (var tree in type.DeclaringSyntaxReferences.Select(reference => reference.SyntaxTree).Concat(compilation.SyntaxTrees))
            if (tree.FilePath == span.FilePath && TextSpanIn(tree.GetText(), span) is { } textSpan)
                return Location.Create(tree, textSpan);
        return span.ToLocation();
    }

    /// <summary>The span from its lines and columns, which every <see cref="SourceSpan"/> carries (the backend's spans for
    /// a whole function have only those), clamped to the lines' ends; null when the lines are not in this text.</summary>
    static TextSpan? TextSpanIn(SourceText text, SourceSpan span)
    {
        var lines = text.Lines;
        if (span.StartLine < 0 || span.EndLine < span.StartLine || span.EndLine >= lines.Count) return null;
        int Position(int line, int column) => Math.Min(lines[line].Start + Math.Max(column, 0), lines[line].End);
        int start = Position(span.StartLine, span.StartColumn);
        return TextSpan.FromBounds(start, Math.Max(start, Position(span.EndLine, span.EndColumn)));
    }
}
