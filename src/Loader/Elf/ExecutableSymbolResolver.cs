using LibObjectFile.Elf;

namespace Sharp.Bpf.Elf;

/// <summary>Finds where a function of an executable or shared library lies in its file, which is what a uprobe
/// attaches to: the symbol's virtual address (from <c>.symtab</c>, else <c>.dynsym</c>) translated through the
/// <c>PT_LOAD</c> segment that maps it. Pure file reading; no kernel involved.</summary>
public static class ExecutableSymbolResolver
{
    /// <summary>Returns the file offset of function <paramref name="symbol"/> in <paramref name="binaryPath"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BpfElfException">The file is not an ELF executable or library, the symbol is missing
    /// (the message lists close matches), is not a defined function, or lies outside every loadable segment.</exception>
    public static ulong ResolveFileOffset(string binaryPath, string symbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        var elf = ReadElf(binaryPath);
        var candidates = elf.Sections.OfType<ElfSymbolTable>()
            .OrderBy(t => t.Name.Value == ".symtab" ? 0 : 1)
            .SelectMany(t => t.Entries)
            .Where(e => e.Name.Value is { } name && (name == symbol || name.StartsWith(symbol + "@", StringComparison.Ordinal)))
            .ToList();
        var function = candidates.FirstOrDefault(e => e.Type is ElfSymbolType.Function or ElfSymbolType.GnuIndirectFunction && e.Value != 0);
        if (function.Name.Value is null)
        {
            if (candidates.Count > 0)
                throw new BpfElfException($"'{symbol}' in {binaryPath} is not a defined function (it is {candidates[0].Type}, value 0x{candidates[0].Value:x}); uprobes attach to functions");
            throw new BpfElfException($"no function '{symbol}' in {binaryPath}{Suggestions(elf, symbol)}");
        }
        var segment = elf.Segments.FirstOrDefault(s => s.Type == ElfSegmentTypeCore.Load
            && function.Value >= s.VirtualAddress && function.Value < s.VirtualAddress + s.Size);
        if (segment is null)
            throw new BpfElfException($"'{symbol}' in {binaryPath} is at 0x{function.Value:x}, outside every loadable segment");
        return function.Value - segment.VirtualAddress + segment.Position;
    }

    static ElfFile ReadElf(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no such executable or library: {path}", path);
        using var stream = File.OpenRead(path);
        if (!ElfFile.IsElf(stream)) throw new BpfElfException($"{path} is not an ELF file");
        stream.Position = 0;
        try
        {
            if (ElfFile.TryRead(stream, out var elf, out var diagnostics, new ElfReaderOptions { UseSubStream = true }) && elf is not null)
                return elf;
            var reason = diagnostics?.Messages.Select(m => m.Message).FirstOrDefault() ?? "unreadable";
            throw new BpfElfException($"{path} is a malformed ELF file: {reason}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException or IOException)
        {
            throw new BpfElfException($"{path} is a malformed ELF file: {e.Message}", e);
        }
    }

    static string Suggestions(ElfFile elf, string symbol)
    {
        var near = elf.Sections.OfType<ElfSymbolTable>().SelectMany(t => t.Entries)
            .Where(e => e.Type == ElfSymbolType.Function && e.Name.Value is { } name && name.Contains(symbol, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Name.Value!).Distinct().Order(StringComparer.Ordinal).Take(5).ToList();
        return near.Count == 0 ? "" : $"; similar functions: {string.Join(", ", near)}";
    }
}
