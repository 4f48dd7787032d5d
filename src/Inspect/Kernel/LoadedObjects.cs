namespace Sharp.Bpf.Inspect.Kernel;

/// <summary>Walks the programs or maps loaded in the kernel by id, opening each just long enough to describe it. An object
/// that disappears between the id walk and the open (ENOENT) is skipped, as bpftool skips it.</summary>
internal static class LoadedObjects
{
    /// <summary>Opens each id with <paramref name="open"/>, describes it and closes it again.</summary>
    public static List<T> Describe<THandle, T>(IReadOnlyList<uint> ids, Func<uint, THandle> open, Func<THandle, T> describe)
        where THandle : IDisposable
    {
        var described = new List<T>(ids.Count);
        foreach (var id in ids)
        {
            THandle handle;
            try
            {
                handle = open(id);
            }
            catch (BpfException e) when (e.ErrorName == "ENOENT")
            {
                continue;
            }
            using (handle) described.Add(describe(handle));
        }
        return described;
    }
}
