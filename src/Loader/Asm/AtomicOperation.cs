namespace Sharp.Bpf.Asm;

/// <summary>The immediate of an atomic instruction (RFC 9669 §5.3); bit 0x01 is the fetch modifier.</summary>
public enum AtomicOperation
{
    /// <summary>*(dst + off) += src</summary>
    Add = 0x00,
    /// <summary>*(dst + off) |= src</summary>
    Or = 0x40,
    /// <summary>*(dst + off) &amp;= src</summary>
    And = 0x50,
    /// <summary>*(dst + off) ^= src</summary>
    Xor = 0xa0,
    /// <summary>Add, returning the old value in src.</summary>
    FetchAdd = 0x01,
    /// <summary>Or, returning the old value in src.</summary>
    FetchOr = 0x41,
    /// <summary>And, returning the old value in src.</summary>
    FetchAnd = 0x51,
    /// <summary>Xor, returning the old value in src.</summary>
    FetchXor = 0xa1,
    /// <summary>Exchange: src = xchg(*(dst + off), src).</summary>
    Exchange = 0xe1,
    /// <summary>Compare and exchange: r0 = cmpxchg(*(dst + off), r0, src).</summary>
    CompareExchange = 0xf1,
}
