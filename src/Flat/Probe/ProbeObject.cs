using Sharp.Bpf.Elf;
using Sharp.Bpf.Flat.Kernel;

namespace Sharp.Bpf.Flat.Probe;

/// <summary>The compiled eBPF object of <see cref="FlatProbe"/>: the Sharp.Bpf compiler runs in flat's build and adds the
/// generated <c>FlatProbe.ObjectBytes</c>; when it reports errors for the probe, the build fails, so a built flat always
/// carries its object.</summary>
internal static class ProbeObject
{
    /// <summary>The object's spec, read from the generated <c>FlatProbe.ObjectBytes</c>.</summary>
    /// <exception cref="BpfElfException">The object is not a valid eBPF ELF object (a compiler defect).</exception>
    public static CollectionSpec Read() => CollectionSpec.Read(FlatProbe.ObjectBytes.ToArray());
}
