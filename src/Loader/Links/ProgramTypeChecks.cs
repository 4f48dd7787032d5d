namespace Sharp.Bpf.Links;

/// <summary>Program type checks of the network attach paths, made before touching the kernel so a wrong program gives a clear error
/// instead of a bare EINVAL.</summary>
internal static class ProgramTypeChecks
{
    /// <exception cref="ArgumentException">The program is not a sched_cls program.</exception>
    public static void RequireClassifier(Program program)
    {
        if (program.Type != ProgramType.SchedClassifier)
            throw new ArgumentException(
                $"program '{program.Name}' is a {program.Type} program; tc hooks run only SchedClassifier (sched_cls) programs (sections 'tc', 'tcx/ingress', 'tcx/egress', 'classifier')",
                nameof(program));
    }

    /// <exception cref="ArgumentException">The program is not an XDP program.</exception>
    public static void RequireXdp(Program program)
    {
        if (program.Type != ProgramType.Xdp)
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program; XDP hooks run only Xdp programs (section 'xdp')", nameof(program));
    }
}
