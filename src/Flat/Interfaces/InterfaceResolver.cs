namespace Sharp.Bpf.Flat.Interfaces;

/// <summary>Decides which interface flat attaches to: the one asked for if it exists, else the default route's.</summary>
internal static class InterfaceResolver
{
    /// <summary>Resolves <paramref name="requested"/> against the interfaces that exist.</summary>
    /// <param name="requested">The <c>--interface</c> value, or null.</param>
    /// <param name="available">The interfaces of this network namespace.</param>
    /// <param name="defaultRoute">The default route's interface, or null when there is none.</param>
    /// <param name="error">Set when nothing can be chosen: says why and lists the interfaces there are.</param>
    /// <returns>The interface's name, or null with <paramref name="error"/> set.</returns>
    public static string? Resolve(string? requested, IReadOnlyCollection<string> available, string? defaultRoute, out string? error)
    {
        var list = available.Count == 0 ? "(none)" : string.Join(", ", available.Order(StringComparer.Ordinal));
        error = null;
        if (requested is not null)
        {
            if (available.Contains(requested)) return requested;
            error = $"no interface named '{requested}'; available interfaces: {list}";
            return null;
        }
        if (defaultRoute is not null && available.Contains(defaultRoute)) return defaultRoute;
        error = $"no default route to pick an interface from; choose one with -i: {list}";
        return null;
    }

    /// <summary>The interfaces of the calling thread's network namespace, from <c>/sys/class/net</c>.</summary>
    public static IReadOnlyCollection<string> Available()
    {
        try
        {
            return Directory.GetFileSystemEntries("/sys/class/net").Select(Path.GetFileName).OfType<string>().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
