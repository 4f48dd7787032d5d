using System.Runtime.InteropServices;

namespace Sharp.Bpf.Samples.ExecSnoop.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Which execs to report, set by user space before load (<c>.rodata</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct CommFilter
{
    /// <summary>Report only execs whose new task name is <see cref="Comm"/>.</summary>
    public TaskComm Comm;
    /// <summary>1 to apply <see cref="Comm"/>; 0 reports every exec.</summary>
    public byte Enabled;
}
