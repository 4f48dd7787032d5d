using Sharp.Bpf.Btf;

namespace Sharp.Bpf;

/// <summary>The running kernel's own BTF (<c>/sys/kernel/btf/vmlinux</c>, Linux 5.4 with CONFIG_DEBUG_INFO_BTF), parsed once.</summary>
internal static class KernelBtf
{
    /// <summary>Where the kernel publishes its BTF.</summary>
    public const string VmlinuxPath = "/sys/kernel/btf/vmlinux";

    static readonly Lazy<BtfSpec?> Vmlinux = new(() => File.Exists(VmlinuxPath) ? BtfSpec.Parse(File.ReadAllBytes(VmlinuxPath)) : null);

    /// <summary>The parsed vmlinux BTF, or null when the kernel publishes none.</summary>
    public static BtfSpec? TryGetVmlinux() => Vmlinux.Value;
}
