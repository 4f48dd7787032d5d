using System.Globalization;

namespace Sharp.Bpf.Samples.ExecSnoop;

/// <summary>A process's parent read from <c>/proc/&lt;pid&gt;/stat</c>: the fallback for processes forked before the probe was
/// attached, which the kernel side has no parent for.</summary>
internal static class ParentProcess
{
    /// <summary>The parent process id of <paramref name="pid"/>, or null when the process has already exited.</summary>
    public static int? TryRead(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after its last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;
    }
}
