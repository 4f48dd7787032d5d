namespace Sharp.Bpf.Btf;

/// <summary>A forward declaration (<c>BTF_KIND_FWD</c>); <c>kind_flag</c> encodes <see cref="IsUnion"/>.</summary>
/// <param name="Name">The declared tag name.</param>
/// <param name="IsUnion">True for <c>union name;</c>, false for <c>struct name;</c>.</param>
public sealed record BtfForward(string Name, bool IsUnion) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Forward;
}
