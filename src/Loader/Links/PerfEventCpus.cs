using System.Globalization;

namespace Sharp.Bpf.Links;

/// <summary>The CPUs that are online now, for opening one sampling event per CPU.</summary>
internal static class PerfEventCpus
{
    const string OnlinePath = "/sys/devices/system/cpu/online";

    /// <summary>The online CPUs, read from <c>/sys/devices/system/cpu/online</c>.</summary>
    public static IReadOnlyList<int> Online() => Parse(File.ReadAllText(OnlinePath));

    /// <summary>The CPUs a kernel CPU list such as <c>0-3,8,10-11</c> names, in order.</summary>
    /// <exception cref="FormatException">The text is not a CPU list.</exception>
    public static IReadOnlyList<int> Parse(string cpuList)
    {
        var cpus = new List<int>();
        foreach (var range in cpuList.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = range.Split('-');
            if (bounds.Length > 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out int first)
                || !int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int last)
                || last < first)
                throw new FormatException($"'{cpuList.Trim()}' is not a kernel CPU list (like 0-3,8): bad range '{range}'");
            for (int cpu = first; cpu <= last; cpu++) cpus.Add(cpu);
        }
        return cpus.Count > 0 ? cpus : throw new FormatException($"'{cpuList.Trim()}' is not a kernel CPU list (like 0-3,8): it names no CPU");
    }
}
