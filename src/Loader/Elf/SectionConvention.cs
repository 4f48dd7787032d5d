namespace Sharp.Bpf.Elf;

/// <summary>One row of libbpf's section name table. A pattern ending in <c>+</c> matches the bare name or the name followed
/// by <c>/extras</c>; one ending in <c>/</c> requires extras; any other pattern matches only itself.</summary>
/// <param name="Pattern">The name pattern, e.g. <c>kprobe+</c>, <c>tcx/ingress</c>.</param>
/// <param name="Type">The program type the name implies.</param>
/// <param name="AttachType">The expected attach type the name implies.</param>
/// <param name="Flags">The load flags the name implies.</param>
internal sealed record SectionConvention(string Pattern, ProgramType Type, AttachType AttachType = 0, uint Flags = 0)
{
    /// <summary>Matches <paramref name="sectionName"/> against the pattern; on success <paramref name="section"/> carries the extras.</summary>
    public bool TryMatch(string sectionName, out ProgramSection section)
    {
        section = default;
        string? attachTo;
        if (Pattern.EndsWith('+'))
        {
            var prefix = Pattern[..^1];
            if (sectionName == prefix) attachTo = null;
            else if (sectionName.StartsWith(prefix + "/", StringComparison.Ordinal)) attachTo = sectionName[(prefix.Length + 1)..];
            else return false;
        }
        else if (Pattern.EndsWith('/'))
        {
            if (!sectionName.StartsWith(Pattern, StringComparison.Ordinal) || sectionName.Length == Pattern.Length) return false;
            attachTo = sectionName[Pattern.Length..];
        }
        else if (sectionName == Pattern) attachTo = null;
        else return false;
        section = new ProgramSection(Type, AttachType, attachTo, Flags);
        return true;
    }
}
