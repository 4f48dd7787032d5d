namespace Sharp.Bpf;

/// <summary>The running kernel lacks a feature: the message names the feature and the first Linux version that has it.</summary>
public class BpfNotSupportedException : BpfException
{
    /// <summary>Creates the exception for <paramref name="feature"/> failing with <paramref name="errno"/>.</summary>
    /// <param name="operation">The bpf command that failed, as linux/bpf.h names it.</param>
    /// <param name="errno">The error number the kernel returned (EINVAL, EOPNOTSUPP or ENOTSUPP, typically).</param>
    /// <param name="feature">What is missing, e.g. "batch operations on queue maps".</param>
    /// <param name="minimumKernel">The first Linux version with the feature, e.g. "5.6"; null when Sharp.Bpf does not know
    /// one (a program type number newer than this library, an attach target this kernel's BTF lacks).</param>
    public BpfNotSupportedException(string operation, int errno, string feature, string? minimumKernel)
        : base(operation, errno, Describe(operation, errno, feature, minimumKernel))
    {
        Feature = feature;
        MinimumKernel = minimumKernel;
    }

    /// <summary>What is missing.</summary>
    public string Feature { get; }

    /// <summary>The first Linux version with the feature, e.g. "5.6", or null when not known.</summary>
    public string? MinimumKernel { get; }

    static string Describe(string operation, int errno, string feature, string? minimumKernel)
    {
        var needs = minimumKernel is null ? "" : $"; it needs Linux {minimumKernel} or later";
        return $"{operation} failed: {DescribeError(errno)}: this kernel (Linux {Environment.OSVersion.Version.ToString(2)}) does not support {feature}{needs}";
    }
}
