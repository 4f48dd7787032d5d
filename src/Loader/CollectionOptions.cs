namespace Sharp.Bpf;

/// <summary>How <see cref="Collection.Load(Elf.CollectionSpec, CollectionOptions?)"/> creates maps and loads programs.</summary>
public sealed record CollectionOptions
{
    /// <summary>libbpf's default pin root for maps pinned by name.</summary>
    public const string DefaultPinPath = "/sys/fs/bpf";

    /// <summary>The bpffs directory where maps declared with <c>LIBBPF_PIN_BY_NAME</c> are pinned under their names, and
    /// reused from when already pinned there. The directory must exist.</summary>
    public string PinPath { get; init; } = DefaultPinPath;

    /// <summary>When set, every program is loaded with a verifier log of this level, kept in
    /// <see cref="Program.VerifierLog"/>; null logs only failures.</summary>
    public uint? LogLevel { get; init; }
}
