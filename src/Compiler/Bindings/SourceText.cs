using System.Text;

namespace Sharp.Bpf.Compiler.Bindings;

/// <summary>Indented C# text for generated sources.</summary>
internal sealed class SourceText
{
    readonly StringBuilder text = new();
    int depth;

    public SourceText Line(string line = "")
    {
        if (line.Length > 0) text.Append(' ', depth * 4).Append(line);
        text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and "{", and indents until the returned scope is disposed, which writes "}".</summary>
    public Scope Block(string header)
    {
        Line(header);
        Line("{");
        depth++;
        return new Scope(this);
    }

    public readonly struct Scope(SourceText owner) : IDisposable
    {
        public void Dispose()
        {
            owner.depth--;
            owner.Line("}");
        }
    }

    public override string ToString() => text.ToString();
}
