namespace Sharp.Bpf.Kernel;

/// <summary>The negative error numbers helpers return, for managed semantics.</summary>
internal static class Errno
{
    public const long NoEntry = -2;        // ENOENT
    public const long TooBig = -7;         // E2BIG
    public const long OutOfMemory = -12;   // ENOMEM
    public const long Fault = -14;         // EFAULT
    public const long Exists = -17;        // EEXIST
    public const long Invalid = -22;       // EINVAL
    public const long NoSpace = -28;       // ENOSPC
}
