using System.Runtime.InteropServices;

namespace Sharp.Bpf.Samples.ExecSnoop.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>One exec, as the kernel side sends it through the ring buffer.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ExecEvent
{
    /// <summary>The process that executed the file.</summary>
    public int Pid;
    /// <summary>Its parent's process id as seen at fork by the <c>sched_process_fork</c> program; 0 when the process was forked
    /// before the probe was attached, or when the parent's fork tracepoint has not run yet (the child can exec first).</summary>
    public int ParentPid;
    /// <summary>The length of the path in the tracepoint record, including its NUL (may exceed <see cref="FilenameBuffer.Length"/>).</summary>
    public int FilenameLength;
    /// <summary>The task name after the exec (the file's base name, cut to 15 bytes).</summary>
    public TaskComm Comm;
    /// <summary>The executed path as execve received it.</summary>
    public FilenameBuffer Filename;
}
