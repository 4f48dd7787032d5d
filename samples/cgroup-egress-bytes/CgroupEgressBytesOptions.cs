namespace Sharp.Bpf.Samples.CgroupEgressBytes;

/// <summary>Which cgroup cgroup-egress-bytes counts, how often it prints and for how long.</summary>
/// <param name="CgroupPath">A cgroup v2 directory, e.g. <c>/sys/fs/cgroup/system.slice</c>.</param>
/// <param name="Duration">Stop after this long; null runs until cancelled.</param>
/// <param name="Interval">How often to print a line; one second by default.</param>
public sealed record CgroupEgressBytesOptions(string CgroupPath, TimeSpan? Duration = null, TimeSpan? Interval = null);
