namespace Sharp.Bpf.Links;

/// <summary>The kernel's software perf events (<c>enum perf_sw_ids</c>, linux/perf_event.h): counters every kernel has,
/// unlike hardware events, which virtual machines often lack.</summary>
public enum SoftwarePerfEvent : ulong
{
    /// <summary><c>PERF_COUNT_SW_CPU_CLOCK</c>: CPU time in nanoseconds — the usual clock for sampling profilers.</summary>
    CpuClock = 0,
    /// <summary><c>PERF_COUNT_SW_TASK_CLOCK</c>: time the task runs, in nanoseconds.</summary>
    TaskClock = 1,
    /// <summary><c>PERF_COUNT_SW_PAGE_FAULTS</c>.</summary>
    PageFaults = 2,
    /// <summary><c>PERF_COUNT_SW_CONTEXT_SWITCHES</c>.</summary>
    ContextSwitches = 3,
    /// <summary><c>PERF_COUNT_SW_CPU_MIGRATIONS</c>.</summary>
    CpuMigrations = 4,
    /// <summary><c>PERF_COUNT_SW_PAGE_FAULTS_MIN</c>.</summary>
    MinorPageFaults = 5,
    /// <summary><c>PERF_COUNT_SW_PAGE_FAULTS_MAJ</c>.</summary>
    MajorPageFaults = 6,
    /// <summary><c>PERF_COUNT_SW_ALIGNMENT_FAULTS</c>.</summary>
    AlignmentFaults = 7,
    /// <summary><c>PERF_COUNT_SW_EMULATION_FAULTS</c>.</summary>
    EmulationFaults = 8,
}
