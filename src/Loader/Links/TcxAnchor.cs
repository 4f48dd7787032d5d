namespace Sharp.Bpf.Links;

/// <summary>Where a new TCX program goes among those already attached to the same hook (<c>BPF_F_BEFORE</c>,
/// <c>BPF_F_AFTER</c>, with a relative program or link given by descriptor or id).</summary>
/// <remarks>Minimum kernel: Linux 6.6.</remarks>
public sealed class TcxAnchor
{
    internal const uint BeforeFlag = 1u << 3;
    internal const uint AfterFlag = 1u << 4;
    internal const uint IdFlag = 1u << 5;
    internal const uint LinkFlag = 1u << 13;

    readonly string text;

    TcxAnchor(uint flags, Program? program, BpfLink? link, uint id, string text)
    {
        Flags = flags;
        Program = program;
        Link = link;
        Id = id;
        this.text = text;
    }

    internal uint Flags { get; }
    internal Program? Program { get; }
    internal BpfLink? Link { get; }
    internal uint Id { get; }

    /// <summary>Run before every program attached now.</summary>
    public static TcxAnchor First { get; } = new(BeforeFlag, null, null, 0, "first");

    /// <summary>Run after every program attached now (also what no anchor means).</summary>
    public static TcxAnchor Last { get; } = new(AfterFlag, null, null, 0, "last");

    /// <summary>Run directly before <paramref name="program"/>, which must be attached to the same hook.</summary>
    public static TcxAnchor Before(Program program) => new(BeforeFlag, Require(program), null, 0, $"before program '{program.Name}'");

    /// <summary>Run directly after <paramref name="program"/>, which must be attached to the same hook.</summary>
    public static TcxAnchor After(Program program) => new(AfterFlag, Require(program), null, 0, $"after program '{program.Name}'");

    /// <summary>Run directly before the program of <paramref name="link"/>, a TCX link on the same hook.</summary>
    public static TcxAnchor Before(BpfLink link) => new(BeforeFlag | LinkFlag, null, Require(link), 0, $"before {link.Description}");

    /// <summary>Run directly after the program of <paramref name="link"/>, a TCX link on the same hook.</summary>
    public static TcxAnchor After(BpfLink link) => new(AfterFlag | LinkFlag, null, Require(link), 0, $"after {link.Description}");

    /// <summary>Run directly before the attached program with kernel id <paramref name="programId"/>.</summary>
    public static TcxAnchor BeforeProgramId(uint programId) => new(BeforeFlag | IdFlag, null, null, programId, $"before program id {programId}");

    /// <summary>Run directly after the attached program with kernel id <paramref name="programId"/>.</summary>
    public static TcxAnchor AfterProgramId(uint programId) => new(AfterFlag | IdFlag, null, null, programId, $"after program id {programId}");

    /// <inheritdoc/>
    public override string ToString() => text;

    static T Require<T>(T value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null) where T : class =>
        value ?? throw new ArgumentNullException(name);
}
