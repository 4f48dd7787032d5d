using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Interop;
using Sharp.Bpf.Links;

namespace Sharp.Bpf.Features;

/// <summary>Cached probes of the running kernel's tracing attach points. Each probe runs once per process, on first use;
/// the probes are thread-safe.</summary>
public static class TracingFeatures
{
    static readonly Lazy<TracingFeature> perfEventLinks = new(ProbePerfEventLinks);
    static readonly Lazy<TracingFeature> kprobes = new(() => ProbeKprobes(PerfEventPmu.DefaultDevicesPath, TracingFileSystem.TryFindRoot()));
    static readonly Lazy<TracingFeature> uprobes = new(() => ProbeUprobes(PerfEventPmu.DefaultDevicesPath, TracingFileSystem.TryFindRoot()));

    /// <summary>Whether <c>BPF_LINK_CREATE</c> accepts <c>BPF_PERF_EVENT</c> (Linux 5.15), probed the way libbpf does: a
    /// link create naming descriptor -1 fails with EBADF on kernels that know the attach type and EINVAL on older ones.</summary>
    /// <remarks>Needs CAP_BPF (root); without it the probe reports the feature absent.</remarks>
    public static TracingFeature PerfEventLinks => perfEventLinks.Value;

    /// <summary>Whether kprobes can be attached: through the kprobe PMU (Linux 4.17) or tracefs <c>kprobe_events</c>.</summary>
    public static TracingFeature Kprobes => kprobes.Value;

    /// <summary>Whether uprobes can be attached: through the uprobe PMU (Linux 4.17) or tracefs <c>uprobe_events</c>.</summary>
    public static TracingFeature Uprobes => uprobes.Value;

    /// <summary>Probes for kprobes in a sysfs PMU folder and a tracefs root (either may be fake, for tests).</summary>
    internal static TracingFeature ProbeKprobes(string devicesPath, string? tracingRoot)
    {
        var pmuPath = Path.Combine(devicesPath, PerfEventPmu.KprobeName);
        if (PerfEventPmu.TryRead(devicesPath, PerfEventPmu.KprobeName) is not null)
            return new TracingFeature("kprobes", true, $"the kprobe PMU exists ({pmuPath})");
        if (tracingRoot is not null && File.Exists(Path.Combine(tracingRoot, KprobeEventDefinition.EventsFileName)))
            return new TracingFeature("kprobes", true, $"no kprobe PMU, but tracefs has {Path.Combine(tracingRoot, KprobeEventDefinition.EventsFileName)}");
        var tracefs = tracingRoot is null ? "tracefs is not mounted" : $"no {Path.Combine(tracingRoot, KprobeEventDefinition.EventsFileName)}";
        return new TracingFeature("kprobes", false, $"no kprobe PMU ({pmuPath}) and {tracefs}: this kernel was built without kprobe events (CONFIG_KPROBE_EVENTS)");
    }

    /// <summary>Probes for uprobes in a sysfs PMU folder and, when given, a tracefs root (either may be fake, for tests).</summary>
    internal static TracingFeature ProbeUprobes(string devicesPath, string? tracingRoot = null)
    {
        var pmuPath = Path.Combine(devicesPath, PerfEventPmu.UprobeName);
        if (PerfEventPmu.TryRead(devicesPath, PerfEventPmu.UprobeName) is not null)
            return new TracingFeature("uprobes", true, $"the uprobe PMU exists ({pmuPath})");
        if (tracingRoot is not null && File.Exists(Path.Combine(tracingRoot, UprobeEventDefinition.EventsFileName)))
            return new TracingFeature("uprobes", true, $"no uprobe PMU, but tracefs has {Path.Combine(tracingRoot, UprobeEventDefinition.EventsFileName)}");
        var tracefs = tracingRoot is null ? "tracefs is not mounted" : $"no {Path.Combine(tracingRoot, UprobeEventDefinition.EventsFileName)}";
        return new TracingFeature("uprobes", false, $"no uprobe PMU ({pmuPath}) and {tracefs}: this kernel was built without uprobe events (CONFIG_UPROBE_EVENTS)");
    }

    static TracingFeature ProbePerfEventLinks()
    {
        const string name = "perf_event links";
        Program probe;
        try
        {
            probe = Program.Load(new ProgramSpec
            {
                Name = "probe_perf_link",
                SectionName = "tracepoint",
                Type = ProgramType.Tracepoint,
                License = "GPL",
                Instructions = [Instruction.Alu64(AluOperation.Mov, Register.R0, 0), Instruction.Exit()],
            });
        }
        catch (BpfException error)
        {
            return new TracingFeature(name, false, $"a tracepoint program could not be loaded to probe with: {error.Message}");
        }
        using (probe)
        {
            using var lease = new SafeBpfFdLease(probe.Handle);
            var attr = new LinkCreateAttr { ProgramFd = lease.Fd, Target = uint.MaxValue, AttachType = (uint)AttachType.PerfEvent };
            if (Syscall.TryBpf(BpfCommand.LinkCreate, ref attr, out int fd, out int errno))
            {
                Syscall.Close(fd);
                return new TracingFeature(name, true, "BPF_LINK_CREATE accepted BPF_PERF_EVENT");
            }
            return errno == Errno.EBADF
                ? new TracingFeature(name, true, "BPF_LINK_CREATE knows BPF_PERF_EVENT (EBADF for descriptor -1)")
                : new TracingFeature(name, false, $"BPF_LINK_CREATE with BPF_PERF_EVENT failed with {Errno.Name(errno)}: the kernel predates Linux 5.15");
        }
    }
}
