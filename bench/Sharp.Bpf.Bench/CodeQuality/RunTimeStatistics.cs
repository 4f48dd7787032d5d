using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sharp.Bpf.Bench.CodeQuality;

/// <summary>Kernel accounting of every BPF program's run time and run count (<c>BPF_ENABLE_STATS</c> with
/// <c>BPF_STATS_RUN_TIME</c>, Linux 5.8), on while this is not disposed. The loader does not offer it; the benchmark only
/// needs it for raw tracepoint programs, whose test runs report no duration.</summary>
/// <remarks>Accounting adds two clock reads to every run of every program, so figures taken with it on compare only with
/// each other.</remarks>
internal sealed class RunTimeStatistics : IDisposable
{
    const long SysBpf = 321;
    const long BpfEnableStats = 32;

    readonly SafeFileHandle handle;

    RunTimeStatistics(SafeFileHandle handle) => this.handle = handle;

    /// <summary>Turns accounting on.</summary>
    /// <exception cref="Win32Exception">The kernel refused (EINVAL before Linux 5.8, EPERM without CAP_SYS_ADMIN).</exception>
    public static unsafe RunTimeStatistics Enable()
    {
        uint statsType = 0; // BPF_STATS_RUN_TIME
        long fd = syscall(SysBpf, BpfEnableStats, &statsType, sizeof(uint));
        if (fd < 0) throw new Win32Exception(Marshal.GetLastPInvokeError(), "BPF_ENABLE_STATS failed");
        return new RunTimeStatistics(new SafeFileHandle((nint)fd, ownsHandle: true));
    }

    /// <summary>Turns accounting off (when no other holder keeps it on).</summary>
    public void Dispose() => handle.Dispose();

    [DllImport("libc", SetLastError = true)]
    static extern unsafe long syscall(long number, long command, void* attr, long size);
}
