namespace Sharp.Bpf.Btf;

/// <summary>The linkage of a BTF function (<c>BTF_FUNC_*</c>).</summary>
public enum BtfFunctionLinkage
{
    /// <summary>Visible only in its object (<c>static</c>).</summary>
    Static = 0,
    /// <summary>Defined here and visible to other objects.</summary>
    Global = 1,
    /// <summary>Declared here and defined elsewhere (a kfunc or another object).</summary>
    Extern = 2,
}
