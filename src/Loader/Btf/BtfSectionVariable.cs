namespace Sharp.Bpf.Btf;

/// <summary>Where a variable lives in a data section (<c>struct btf_var_secinfo</c>).</summary>
/// <param name="TypeId">The <see cref="BtfVariable"/> (or, for <c>.ksyms</c>, the <see cref="BtfFunction"/>).</param>
/// <param name="Offset">Byte offset inside the section; clang leaves 0 for the loader to fill in.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record BtfSectionVariable(uint TypeId, uint Offset, uint Size);
