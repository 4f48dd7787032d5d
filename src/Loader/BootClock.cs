using System.Globalization;

namespace Sharp.Bpf;

/// <summary>Converts kernel timestamps taken on CLOCK_BOOTTIME (nanoseconds since boot, suspend included) to wall-clock time.</summary>
internal static class BootClock
{
    /// <summary>The wall-clock time of <paramref name="nanosecondsSinceBoot"/>, from the uptime in <c>/proc/uptime</c>
    /// (CLOCK_BOOTTIME at 10 ms resolution).</summary>
    public static DateTimeOffset ToWallClock(ulong nanosecondsSinceBoot)
    {
        var now = DateTimeOffset.UtcNow;
        var uptimeText = File.ReadAllText("/proc/uptime").Split(' ')[0];
        var uptime = TimeSpan.FromSeconds(double.Parse(uptimeText, CultureInfo.InvariantCulture));
        return now - uptime + TimeSpan.FromTicks((long)(nanosecondsSinceBoot / 100));
    }
}
