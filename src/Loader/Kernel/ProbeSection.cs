namespace Sharp.Bpf.Kernel;

/// <summary>Spells probe section names the way libbpf parses them: <c>prefix/target</c>, with <c>+0x&lt;offset&gt;</c> when
/// the probe is not at the target's entry.</summary>
internal static class ProbeSection
{
    public static string Name(string prefix, string target, ulong offset) =>
        offset == 0 ? $"{prefix}/{target}" : $"{prefix}/{target}+0x{offset:x}";
}
