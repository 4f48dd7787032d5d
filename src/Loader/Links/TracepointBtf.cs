namespace Sharp.Bpf.Links;

/// <summary>Attaches BTF-enabled tracepoint programs (<c>SEC("tp_btf/&lt;name&gt;")</c>): typed access to the
/// tracepoint's arguments, checked by the verifier against the kernel's BTF.</summary>
public static class TracepointBtf
{
    /// <summary>Attaches <paramref name="program"/> to the tracepoint it was loaded for. The target is fixed at load: the
    /// program carries the BTF id of <c>btf_trace_&lt;name&gt;</c> from <c>/sys/kernel/btf/vmlinux</c>
    /// (<see cref="Program.Load"/> resolves it from the section name or <see cref="ProgramLoadOptions.AttachBtfId"/>).</summary>
    /// <remarks>Minimum kernel: Linux 5.5 (a bpf_link since 5.8); cookies need Linux 6.10. Needs kernel BTF.</remarks>
    /// <param name="program">A loaded <see cref="ProgramType.Tracing"/> program with attach type <see cref="AttachType.TraceRawTracepoint"/>.</param>
    /// <param name="cookie">What <c>bpf_get_attach_cookie</c> returns in the program; 0 for none.</param>
    /// <exception cref="ArgumentException">The program is not a tracing program.</exception>
    /// <exception cref="BpfException">The kernel refused (EINVAL when the program was loaded for another attach type).</exception>
    public static BpfLink Attach(Program program, ulong cookie = 0)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (program.Type != ProgramType.Tracing)
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program; BTF tracepoints take {ProgramType.Tracing} programs (section tp_btf/<name>)", nameof(program));
        return RawTracepoint.Open(program, name: null, cookie, $"BTF tracepoint program '{program.Name}'");
    }
}
