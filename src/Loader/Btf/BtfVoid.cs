namespace Sharp.Bpf.Btf;

/// <summary>Type id 0: <c>void</c>, which every BTF has implicitly and no blob encodes.</summary>
public sealed record BtfVoid() : BtfType("")
{
    /// <summary>The one <c>void</c>.</summary>
    public static BtfVoid Instance { get; } = new();

    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Void;
}
