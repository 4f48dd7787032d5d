namespace Sharp.Bpf.Btf;

/// <summary>A parameter of a function prototype. A last parameter of type 0 with no name stands for <c>...</c>.</summary>
/// <param name="Name">The parameter's name; empty in prototypes of function pointers.</param>
/// <param name="TypeId">The parameter's type.</param>
public sealed record BtfParameter(string Name, uint TypeId);
