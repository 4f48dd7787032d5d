using Sharp.Bpf.Features;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches a program to an open perf event, by bpf_link or by ioctl, and owns the perf event from then on.</summary>
internal static class PerfEventAttachment
{
    /// <summary>PERF_FLAG_FD_CLOEXEC for perf_event_open.</summary>
    public const ulong CloseOnExec = 8;

    const int NoSuchProcess = 3; // ESRCH
    const ulong EnableRequest = 0x2400;       // _IO('$', 0)
    const ulong DisableRequest = 0x2401;      // _IO('$', 1)
    const ulong SetBpfRequest = 0x40042408;   // _IOW('$', 8, __u32)

    /// <summary>Opens a perf event; the message of a failure names <paramref name="description"/>.</summary>
    /// <exception cref="BpfException">perf_event_open(2) failed.</exception>
    public static SafeBpfFd Open(ref PerfEventAttr attr, int pid, int cpu, string description)
    {
        try
        {
            return new SafeBpfFd(Syscall.PerfEventOpen(ref attr, pid, cpu, groupFd: -1, CloseOnExec));
        }
        catch (BpfException error)
        {
            var advice = error.Errno switch
            {
                Errno.ENOENT => ": no such event (the symbol, file or tracepoint does not exist)",
                Errno.EINVAL => ": the kernel refused an argument (an offset that is not an instruction boundary, an unknown PMU field)",
                Errno.EACCES or Errno.EPERM => ": needs CAP_PERFMON or CAP_SYS_ADMIN (run as root), or kernel.perf_event_paranoid forbids it",
                NoSuchProcess => ": no such process",
                _ => "",
            };
            throw new BpfException("perf_event_open", error.Errno, $"perf_event_open of {description} failed: {BpfException.DescribeError(error.Errno)}{advice}");
        }
    }

    /// <summary>Attaches <paramref name="program"/> to <paramref name="perfEvent"/>. The returned link owns the perf event; on
    /// failure the perf event is closed, so nothing stays attached.</summary>
    /// <exception cref="BpfException">The kernel refused; the message names <paramref name="description"/>.</exception>
    public static Link Attach(SafeBpfFd perfEvent, Program program, PerfEventAttachMode mode, ulong cookie, string description)
    {
        try
        {
            bool byLink = mode switch
            {
                PerfEventAttachMode.BpfLink => true,
                PerfEventAttachMode.Ioctl => false,
                _ => TracingFeatures.PerfEventLinks.IsPresent,
            };
            return byLink ? AttachByLink(perfEvent, program, cookie, description) : AttachByIoctl(perfEvent, program, cookie, description);
        }
        catch
        {
            perfEvent.Dispose();
            throw;
        }
    }

    static PerfEventBpfLink AttachByLink(SafeBpfFd perfEvent, Program program, ulong cookie, string description)
    {
        using var programLease = new SafeBpfFdLease(program.Handle);
        using var eventLease = new SafeBpfFdLease(perfEvent);
        var attr = new LinkCreateAttr
        {
            ProgramFd = programLease.Fd,
            Target = eventLease.Fd,
            AttachType = (uint)AttachType.PerfEvent,
            PerfEventCookie = cookie,
        };
        var link = BpfLink.Create(ref attr, description, errno => errno switch
        {
            Errno.EINVAL => $"program '{program.Name}' ({program.Type}) cannot attach to this event, or this kernel has no perf_event links (Linux 5.15); try {nameof(PerfEventAttachMode)}.{nameof(PerfEventAttachMode.Ioctl)}",
            _ => null,
        });
        return new PerfEventBpfLink(link, perfEvent, description);
    }

    static PerfEventIoctlLink AttachByIoctl(SafeBpfFd perfEvent, Program program, ulong cookie, string description)
    {
        if (cookie != 0)
            throw new NotSupportedException($"{description}: a BPF cookie needs a perf_event bpf_link (Linux 5.15); the ioctl path cannot carry one");
        using var programLease = new SafeBpfFdLease(program.Handle);
        using var eventLease = new SafeBpfFdLease(perfEvent);
        try
        {
            Syscall.Ioctl((int)eventLease.Fd, SetBpfRequest, programLease.Fd, "PERF_EVENT_IOC_SET_BPF");
            Syscall.Ioctl((int)eventLease.Fd, EnableRequest, 0, "PERF_EVENT_IOC_ENABLE");
        }
        catch (BpfException error)
        {
            var advice = error.Errno == Errno.EINVAL ? $": program '{program.Name}' ({program.Type}) cannot attach to this kind of perf event" : "";
            throw new BpfException(error.Operation, error.Errno, $"{error.Operation} of {description} failed: {BpfException.DescribeError(error.Errno)}{advice}");
        }
        return new PerfEventIoctlLink(perfEvent, description);
    }

    /// <summary>Stops the event before its descriptor closes, so the program does not run in between (libbpf does the same).</summary>
    public static void Disable(SafeBpfFd perfEvent)
    {
        if (perfEvent.IsClosed) return;
        try
        {
            Syscall.Ioctl(perfEvent.Fd, DisableRequest, 0, "PERF_EVENT_IOC_DISABLE");
        }
        catch (BpfException)
        {
            // Closing the descriptor detaches anyway; a failed disable changes nothing the caller can act on.
        }
    }
}
