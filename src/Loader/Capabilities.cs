namespace Sharp.Bpf;

/// <summary>The Linux capabilities that gate <c>bpf(2)</c> (linux/capability.h bit numbers).</summary>
[Flags]
internal enum Capabilities : ulong
{
    None = 0,
    NetAdmin = 1UL << 12,
    SysAdmin = 1UL << 21,
    Perfmon = 1UL << 38,
    Bpf = 1UL << 39,
}
