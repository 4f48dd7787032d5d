using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The Linux error numbers bpf(2) reports (the same on x86-64 and arm64), their names, and what a user can do about each.</summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int E2BIG = 7;
    public const int EBADF = 9;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EFAULT = 14;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int ENOSPC = 28;
    public const int ERANGE = 34;
    public const int ENOSYS = 38;
    public const int EOPNOTSUPP = 95;
    /// <summary>Kernel-internal "not supported" that leaks to user space from some bpf paths; libc has no text for it.</summary>
    public const int ENOTSUPP = 524;

    /// <summary>The symbolic name, e.g. "EPERM", or "errno N" for numbers not listed here.</summary>
    public static string Name(int errno) => errno switch
    {
        EPERM => "EPERM",
        ENOENT => "ENOENT",
        EINTR => "EINTR",
        E2BIG => "E2BIG",
        EBADF => "EBADF",
        EAGAIN => "EAGAIN",
        ENOMEM => "ENOMEM",
        EACCES => "EACCES",
        EFAULT => "EFAULT",
        EBUSY => "EBUSY",
        EEXIST => "EEXIST",
        ENODEV => "ENODEV",
        EINVAL => "EINVAL",
        ENOSPC => "ENOSPC",
        ERANGE => "ERANGE",
        ENOSYS => "ENOSYS",
        EOPNOTSUPP => "EOPNOTSUPP",
        ENOTSUPP => "ENOTSUPP",
        _ => $"errno {errno}",
    };

    /// <summary>The C library's text for the error (strerror).</summary>
    public static string Description(int errno) => errno == ENOTSUPP ? "Operation not supported" : Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>What the error usually means for bpf(2) and what to do about it, or null when there is nothing useful to add.</summary>
    public static string? Advice(int errno) => errno switch
    {
        EPERM => "needs CAP_BPF/CAP_SYS_ADMIN (run as root); some program types also need CAP_PERFMON or CAP_NET_ADMIN",
        EACCES => "the kernel refused access: the verifier rejected the program, or a security module (LSM) denied the call",
        EINVAL => "the kernel refused an argument: an unknown field or flag for this kernel, or an invalid combination",
        E2BIG => "an object or attribute is larger than this kernel accepts",
        ENOSPC => "no room: the map is full or an output buffer is too small",
        ENOENT => "no such element or object",
        EBADF => "the file descriptor is not an open bpf object of the expected kind",
        ENOMEM => "the kernel is out of memory (before Linux 5.11: raise RLIMIT_MEMLOCK)",
        EFAULT => "the kernel could not access a buffer passed to it; this is a bug in Sharp.Bpf",
        ENOSYS => "this kernel has no bpf() system call (CONFIG_BPF_SYSCALL is off)",
        EOPNOTSUPP or ENOTSUPP => "this kernel does not support the operation",
        EEXIST => "the element already exists",
        EBUSY => "the object is in use",
        EAGAIN => "the kernel kept asking to retry; try again later",
        _ => null,
    };
}
