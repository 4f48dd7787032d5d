using System.Globalization;

namespace Sharp.Bpf.Inspect.Kernel;

/// <summary>What <c>/proc/self/fdinfo/N</c> says about a bpf descriptor beyond <c>BPF_OBJ_GET_INFO_BY_FD</c>: the locked
/// memory (<c>memlock:</c>) and whether a map is frozen (<c>frozen:</c>), which bpftool reads the same way.</summary>
internal sealed record FdInfo(ulong? MemlockBytes, bool Frozen)
{
    /// <summary>Reads the fields of descriptor <paramref name="fd"/>; those the kernel does not list are null or false.</summary>
    public static FdInfo Read(int fd)
    {
        ulong? memlock = null;
        bool frozen = false;
        foreach (var line in File.ReadLines($"/proc/self/fdinfo/{fd}"))
        {
            var (name, value) = Split(line);
            if (name == "memlock" && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)) memlock = bytes;
            else if (name == "frozen") frozen = value == "1";
        }
        return new FdInfo(memlock, frozen);
    }

    static (string Name, string Value) Split(string line)
    {
        int colon = line.IndexOf(':');
        return colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].Trim());
    }
}
