namespace Sharp.Bpf.Btf;

/// <summary>How an integer's bits are read, the <c>BTF_INT_*</c> encoding flags.</summary>
[Flags]
public enum BtfIntEncoding
{
    /// <summary>Unsigned.</summary>
    None = 0,
    /// <summary>Two's-complement signed.</summary>
    Signed = 1,
    /// <summary>A character type.</summary>
    Char = 2,
    /// <summary>A boolean.</summary>
    Bool = 4,
}
