using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>A <c>bpf(2)</c> call failed. The message names the operation, the error and what to do about it.</summary>
public class BpfException : Exception
{
    /// <summary>Creates the exception for <paramref name="operation"/> failing with <paramref name="errno"/>.</summary>
    /// <param name="operation">The bpf command that failed, as linux/bpf.h names it (e.g. <c>BPF_MAP_CREATE</c>).</param>
    /// <param name="errno">The error number the kernel returned.</param>
    public BpfException(string operation, int errno)
        : this(operation, errno, DescribeFailure(operation, errno))
    {
    }

    /// <summary>Creates the exception with a message of the caller's making, for derived exceptions and callers that know more than errno.</summary>
    /// <param name="operation">The bpf command that failed.</param>
    /// <param name="errno">The error number the kernel returned.</param>
    /// <param name="message">The whole message.</param>
    protected internal BpfException(string operation, int errno, string message) : base(message)
    {
        Operation = operation;
        Errno = errno;
    }

    /// <summary>The bpf command that failed, as linux/bpf.h names it (e.g. <c>BPF_PROG_LOAD</c>).</summary>
    public string Operation { get; }

    /// <summary>The error number the kernel returned.</summary>
    public int Errno { get; }

    /// <summary>The symbolic name of <see cref="Errno"/>, e.g. <c>EPERM</c>.</summary>
    public string ErrorName => Interop.Errno.Name(Errno);

    /// <summary>"EPERM (Operation not permitted)": the error's name and the C library's text for it.</summary>
    protected internal static string DescribeError(int errno) => $"{Interop.Errno.Name(errno)} ({Interop.Errno.Description(errno)})";

    static string DescribeFailure(string operation, int errno) =>
        Interop.Errno.Advice(errno) is { } advice
            ? $"{operation} failed: {DescribeError(errno)}: {advice}"
            : $"{operation} failed: {DescribeError(errno)}";
}
