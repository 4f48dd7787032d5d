using System.Text;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches one program to several functions of one binary with a single uprobe_multi link
/// (<c>SEC("uprobe.multi")</c>): one descriptor and one syscall instead of a perf event per function.</summary>
public static class UprobeMulti
{
    const uint ReturnFlag = 1; // BPF_F_UPROBE_MULTI_RETURN

    /// <summary>Attaches <paramref name="program"/> to the entries of <paramref name="symbols"/> in <paramref name="binary"/>.</summary>
    /// <remarks>Minimum kernel: Linux 6.6.</remarks>
    /// <param name="program">A <see cref="ProgramType.Kprobe"/> program loaded with expected attach type
    /// <see cref="AttachType.TraceUprobeMulti"/> (a <c>uprobe.multi</c> section).</param>
    /// <param name="binary">The executable or library: a path, or a library name looked up the way the dynamic linker does.</param>
    /// <param name="symbols">The functions' symbol names; at least one.</param>
    /// <param name="options">Process and cookies; null for the defaults.</param>
    /// <exception cref="ArgumentException">The program is not a kprobe-type program, no symbols were given, a symbol is not a
    /// function in the binary, or the number of cookies differs from the number of symbols.</exception>
    /// <exception cref="FileNotFoundException">No such binary.</exception>
    /// <exception cref="BpfException">The kernel refused (EINVAL: the program was not loaded for uprobe_multi, or the kernel
    /// predates Linux 6.6).</exception>
    public static BpfLink Attach(Program program, string binary, IReadOnlyList<string> symbols, UprobeMultiOptions? options = null) =>
        AttachProbe(program, binary, symbols, isReturn: false, options);

    /// <summary>Attaches <paramref name="program"/> to the returns of <paramref name="symbols"/> in <paramref name="binary"/>.</summary>
    /// <remarks>Minimum kernel: Linux 6.6.</remarks>
    /// <param name="program">A <see cref="ProgramType.Kprobe"/> program loaded with expected attach type
    /// <see cref="AttachType.TraceUprobeMulti"/> (a <c>uretprobe.multi</c> section).</param>
    /// <param name="binary">The executable or library: a path, or a library name looked up the way the dynamic linker does.</param>
    /// <param name="symbols">The functions' symbol names; at least one.</param>
    /// <param name="options">Process and cookies; null for the defaults.</param>
    /// <exception cref="ArgumentException">The program is not a kprobe-type program, no symbols were given, a symbol is not a
    /// function in the binary, or the number of cookies differs from the number of symbols.</exception>
    /// <exception cref="FileNotFoundException">No such binary.</exception>
    /// <exception cref="BpfException">The kernel refused (EINVAL: the program was not loaded for uprobe_multi, or the kernel
    /// predates Linux 6.6).</exception>
    public static BpfLink AttachReturn(Program program, string binary, IReadOnlyList<string> symbols, UprobeMultiOptions? options = null) =>
        AttachProbe(program, binary, symbols, isReturn: true, options);

    static unsafe BpfLink AttachProbe(Program program, string binary, IReadOnlyList<string> symbols, bool isReturn, UprobeMultiOptions? options)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentException.ThrowIfNullOrEmpty(binary);
        ArgumentNullException.ThrowIfNull(symbols);
        options ??= new UprobeMultiOptions();
        if (program.Type != ProgramType.Kprobe)
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program; uprobe_multi links take {ProgramType.Kprobe} programs (section uprobe.multi)", nameof(program));
        if (symbols.Count == 0)
            throw new ArgumentException("give at least one symbol", nameof(symbols));
        if (options.Cookies is { } given && given.Count != symbols.Count)
            throw new ArgumentException($"{given.Count} cookies for {symbols.Count} symbols; give one per symbol", nameof(options));

        var path = Path.GetFullPath(SharedLibraryLocator.Locate(binary));
        var offsets = symbols.Select(symbol => ExecutableSymbolResolver.ResolveFileOffset(path, symbol)).ToArray();
        var cookies = options.Cookies?.ToArray();
        var description = $"uprobe_multi {(isReturn ? "return " : "")}link on {path}:{string.Join(',', symbols)}{(options.ProcessId is { } pid ? $" in process {pid}" : "")} for program '{program.Name}'";

        using var lease = new SafeBpfFdLease(program.Handle);
        fixed (byte* pathPointer = Encoding.UTF8.GetBytes(path + "\0"))
        fixed (ulong* offsetsPointer = offsets)
        fixed (ulong* cookiesPointer = cookies)
        {
            var attr = new LinkCreateAttr
            {
                ProgramFd = lease.Fd,
                AttachType = (uint)AttachType.TraceUprobeMulti,
                UprobeMultiPath = (ulong)pathPointer,
                UprobeMultiOffsets = (ulong)offsetsPointer,
                UprobeMultiCookies = (ulong)cookiesPointer,
                UprobeMultiCount = (uint)offsets.Length,
                UprobeMultiFlags = isReturn ? ReturnFlag : 0,
                UprobeMultiPid = (uint)(options.ProcessId ?? 0),
            };
            var handle = BpfLink.Create(ref attr, description, errno => errno == Errno.EINVAL
                ? $"load program '{program.Name}' from a uprobe.multi section (expected attach type {AttachType.TraceUprobeMulti}); uprobe_multi links need Linux 6.6"
                : null);
            return new BpfLink(handle, description);
        }
    }
}
