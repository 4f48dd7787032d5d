namespace Sharp.Bpf.Btf;

/// <summary>An immutable model of an ELF <c>.BTF.ext</c> section: func_info, line_info and CO-RE relocations, grouped by the name of
/// the ELF section holding the instructions they describe.</summary>
public sealed class BtfExtSpec
{
    internal BtfExtSpec(
        IReadOnlyDictionary<string, IReadOnlyList<BtfFuncInfo>> functions, uint functionRecordSize,
        IReadOnlyDictionary<string, IReadOnlyList<BtfLineInfo>> lines, uint lineRecordSize,
        IReadOnlyDictionary<string, IReadOnlyList<BtfCoreRelocation>> relocations, uint relocationRecordSize)
    {
        FunctionInfos = functions;
        FunctionInfoRecordSize = functionRecordSize;
        LineInfos = lines;
        LineInfoRecordSize = lineRecordSize;
        CoreRelocations = relocations;
        CoreRelocationRecordSize = relocationRecordSize;
    }

    /// <summary>func_info records by ELF section name, in encoded order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<BtfFuncInfo>> FunctionInfos { get; }

    /// <summary>The func_info record size the producer used, which <c>BPF_PROG_LOAD</c> is told; 0 when there is no func_info.</summary>
    public uint FunctionInfoRecordSize { get; }

    /// <summary>line_info records by ELF section name, in encoded order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<BtfLineInfo>> LineInfos { get; }

    /// <summary>The line_info record size the producer used, which <c>BPF_PROG_LOAD</c> is told; 0 when there is no line_info.</summary>
    public uint LineInfoRecordSize { get; }

    /// <summary>CO-RE relocation records by ELF section name, in encoded order; empty when the header predates them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<BtfCoreRelocation>> CoreRelocations { get; }

    /// <summary>The CO-RE relocation record size the producer used; 0 when there are none.</summary>
    public uint CoreRelocationRecordSize { get; }

    /// <summary>Parses the bytes of a <c>.BTF.ext</c> section (little-endian only).</summary>
    /// <param name="ext">The section's bytes.</param>
    /// <param name="strings">The string section of the object's <c>.BTF</c>, which section names, file names, source lines and access strings point into.</param>
    /// <returns>The model.</returns>
    /// <exception cref="BtfFormatException">The bytes are big-endian, truncated, have a bad header, a record size too small, a count
    /// that overruns its section, a string offset past the string section or a section named twice; the message names the byte offset.</exception>
    public static BtfExtSpec Parse(ReadOnlySpan<byte> ext, BtfStringTable strings) => BtfExtParser.Parse(ext, strings);
}
