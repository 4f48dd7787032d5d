using System.Runtime.InteropServices;

namespace Sharp.Bpf;

/// <summary>A view of a program array (<c>BPF_MAP_TYPE_PROG_ARRAY</c>, Linux 4.2), the table <c>bpf_tail_call</c> jumps
/// through. User space stores program descriptors; reading a slot back gives the program's id.</summary>
public sealed class ProgramArray
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not a program array with 4-byte keys and values.</exception>
    public ProgramArray(Map map) =>
        Map = MapViews.Require(map, nameof(ProgramArray), MapType.ProgramArray, sizeof(uint), "UInt32 index", sizeof(uint), "program fd");

    /// <summary>The map this view reads and writes.</summary>
    public Map Map { get; }

    /// <summary>The number of slots (max_entries).</summary>
    public uint Length => Map.MaxEntries;

    /// <summary>Stores the program with descriptor <paramref name="programFd"/> in slot <paramref name="index"/>.</summary>
    /// <exception cref="BpfException">The kernel refused: E2BIG for an index past the end, EINVAL when the program's type
    /// differs from the other programs the array holds or the array's users.</exception>
    public void Set(uint index, int programFd) => Map.Update(MapBytes.Of(in index), MapBytes.Of(in programFd));

    /// <summary>Stores the program <paramref name="program"/> refers to in slot <paramref name="index"/>.</summary>
    /// <exception cref="ObjectDisposedException"><paramref name="program"/> is closed.</exception>
    /// <exception cref="BpfException">The kernel refused, as for <see cref="Set(uint, int)"/>.</exception>
    public void Set(uint index, SafeHandle program)
    {
        ArgumentNullException.ThrowIfNull(program);
        bool added = false;
        program.DangerousAddRef(ref added);
        try
        {
            Set(index, (int)program.DangerousGetHandle());
        }
        finally
        {
            program.DangerousRelease();
        }
    }

    /// <summary>Empties slot <paramref name="index"/>; false when it was empty.</summary>
    /// <exception cref="BpfException">The kernel refused (E2BIG or EINVAL for an index past the end).</exception>
    public bool Clear(uint index) => Map.TryDelete(MapBytes.Of(in index));

    /// <summary>Reads the id of the program in slot <paramref name="index"/>; false when the slot is empty. Linux 4.13.</summary>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public bool TryGetProgramId(uint index, out uint programId)
    {
        programId = 0;
        return Map.TryLookup(MapBytes.Of(in index), MapBytes.Into(ref programId));
    }
}
