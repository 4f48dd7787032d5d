namespace Sharp.Bpf;

/// <summary>The CPUs the kernel may ever bring online: per-CPU maps hold one value for each, in CPU order.</summary>
internal static class PossibleCpus
{
    const string ListPath = "/sys/devices/system/cpu/possible";

    static readonly Lazy<int> count = new(() => Count(File.ReadAllText(ListPath)));

    /// <summary>How many CPUs are possible on this machine, read once from <c>/sys/devices/system/cpu/possible</c>.</summary>
    public static int Value => count.Value;

    /// <summary>Counts the CPUs in a kernel CPU list such as <c>0-3,8,10-11</c>.</summary>
    /// <exception cref="FormatException">The text is not a CPU list.</exception>
    public static int Count(string cpuList)
    {
        int total = 0;
        foreach (var range in cpuList.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = range.Split('-');
            if (bounds.Length > 2 || !int.TryParse(bounds[0], out int first) || !int.TryParse(bounds[^1], out int last) || last < first || first < 0)
                throw new FormatException($"'{cpuList.Trim()}' is not a kernel CPU list (like 0-3,8): bad range '{range}'");
            total += last - first + 1;
        }
        if (total == 0) throw new FormatException($"'{cpuList.Trim()}' is not a kernel CPU list (like 0-3,8): it names no CPU");
        return total;
    }
}
