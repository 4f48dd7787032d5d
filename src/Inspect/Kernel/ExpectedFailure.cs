using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Inspect.Kernel;

/// <summary>The failures the kernel commands report as one line on stderr with exit code 1: the kernel refusing (with
/// errno and advice, e.g. the missing capability for EPERM), unreadable or malformed input, and an object that is not what
/// was asked for. Anything else is a bug in sharp-bpf and keeps its stack trace.</summary>
internal static class ExpectedFailure
{
    /// <summary>Whether <paramref name="exception"/> is a failure of the input or the kernel rather than of sharp-bpf.</summary>
    public static bool Is(Exception exception) => exception is BpfException or BpfElfException or BtfFormatException
        or IOException or UnauthorizedAccessException or ArgumentException;
}
