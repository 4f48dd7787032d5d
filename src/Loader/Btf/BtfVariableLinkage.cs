namespace Sharp.Bpf.Btf;

/// <summary>The linkage of a BTF variable (<c>BTF_VAR_*</c>).</summary>
public enum BtfVariableLinkage
{
    /// <summary>Visible only in its object (<c>static</c>).</summary>
    Static = 0,
    /// <summary>Defined and allocated here, visible to other objects.</summary>
    Global = 1,
    /// <summary>Declared here and provided elsewhere (e.g. <c>.kconfig</c> or <c>.ksyms</c>).</summary>
    Extern = 2,
}
