using System.Globalization;
using Sharp.Bpf.Samples.ExecSnoop.Kernel;

namespace Sharp.Bpf.Samples.ExecSnoop;

/// <summary>exec-snoop's output: a header, then one line per exec — time, pid, parent pid, task name, path — in columns like
/// bcc's execsnoop.</summary>
internal static class ExecLine
{
    /// <summary>The column titles.</summary>
    public static string Header { get; } = Format("TIME", "PID", "PPID", "COMM", "FILENAME");

    /// <summary>The line for <paramref name="exec"/>, seen at <paramref name="time"/>; <paramref name="parentPid"/> null prints
    /// <c>?</c>.</summary>
    public static string Format(DateTimeOffset time, in ExecEvent exec, int? parentPid) =>
        Format(time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), exec.Pid.ToString(CultureInfo.InvariantCulture),
            parentPid?.ToString(CultureInfo.InvariantCulture) ?? "?", exec.Comm.ToString(), exec.Filename.ToString(exec.FilenameLength));

    static string Format(string time, string pid, string parentPid, string comm, string filename) =>
        $"{time,-12} {pid,-7} {parentPid,-7} {comm,-16} {filename}";
}
