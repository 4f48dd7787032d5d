using System.Text;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches raw tracepoint programs (<c>SEC("raw_tp/&lt;name&gt;")</c>): they see the tracepoint's raw arguments,
/// without the perf buffer copy a classic tracepoint makes.</summary>
public static class RawTracepoint
{
    /// <summary>Attaches <paramref name="program"/> to the raw tracepoint <paramref name="name"/> (e.g. <c>sys_enter</c>,
    /// <c>sched_switch</c>) with <c>BPF_RAW_TRACEPOINT_OPEN</c>.</summary>
    /// <remarks>Minimum kernel: Linux 4.17; the result is a bpf_link (pinnable, listed by <c>bpftool link</c>) since 5.8,
    /// a plain descriptor before. Cookies need Linux 6.10.</remarks>
    /// <param name="program">A loaded <see cref="ProgramType.RawTracepoint"/> or <see cref="ProgramType.RawTracepointWritable"/> program.</param>
    /// <param name="name">The tracepoint's name, without category.</param>
    /// <param name="cookie">What <c>bpf_get_attach_cookie</c> returns in the program; 0 for none.</param>
    /// <exception cref="ArgumentException">The program is of another type, or the name is empty.</exception>
    /// <exception cref="BpfException">The kernel refused: ENOENT when there is no such tracepoint.</exception>
    public static BpfLink Attach(Program program, string name, ulong cookie = 0)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (program.Type is not (ProgramType.RawTracepoint or ProgramType.RawTracepointWritable))
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program; raw tracepoints take {ProgramType.RawTracepoint} programs (section raw_tp/<name>)", nameof(program));
        return Open(program, name, cookie, $"raw tracepoint {name} for program '{program.Name}'");
    }

    /// <summary>Runs <c>BPF_RAW_TRACEPOINT_OPEN</c>; <paramref name="name"/> is null for BTF-attached programs.</summary>
    internal static unsafe BpfLink Open(Program program, string? name, ulong cookie, string description)
    {
        using var lease = new SafeBpfFdLease(program.Handle);
        var nameBytes = name is null ? null : Encoding.ASCII.GetBytes(name + "\0");
        fixed (byte* namePointer = nameBytes)
        {
            var attr = new RawTracepointOpenAttr { Name = (ulong)namePointer, ProgramFd = lease.Fd, Cookie = cookie };
            if (Syscall.TryBpf(BpfCommand.RawTracepointOpen, ref attr, out int fd, out int errno))
                return new BpfLink(new SafeBpfFd(fd), description);
            var advice = errno switch
            {
                Errno.ENOENT => ": no such tracepoint",
                Errno.EINVAL when cookie != 0 => ": the program does not fit this tracepoint, or this kernel has no raw tracepoint cookies (Linux 6.10)",
                Errno.EINVAL => ": the program does not fit this tracepoint (wrong type, or it reads more arguments than the tracepoint has)",
                _ => Errno.Advice(errno) is { } generic ? ": " + generic : "",
            };
            throw new BpfException("BPF_RAW_TRACEPOINT_OPEN", errno, $"BPF_RAW_TRACEPOINT_OPEN of {description} failed: {BpfException.DescribeError(errno)}{advice}");
        }
    }
}
