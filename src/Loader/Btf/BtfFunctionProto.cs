namespace Sharp.Bpf.Btf;

/// <summary>A function prototype (<c>BTF_KIND_FUNC_PROTO</c>): return type and parameters.</summary>
/// <param name="ReturnTypeId">The return type; 0 for <c>void</c>.</param>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="Name">Empty in valid BTF; kept so that any parsed blob rebuilds unchanged.</param>
public sealed record BtfFunctionProto(uint ReturnTypeId, IReadOnlyList<BtfParameter> Parameters, string Name = "") : BtfType(Name)
{
    /// <summary>The parameters in order.</summary>
    public IReadOnlyList<BtfParameter> Parameters { get; init => field = ValueList<BtfParameter>.From(value); } = ValueList<BtfParameter>.From(Parameters);

    /// <summary>True when the last parameter is <c>...</c>.</summary>
    public bool IsVariadic => Parameters.Count > 0 && Parameters[^1] is { TypeId: 0, Name: "" };

    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.FunctionProto;
}
