namespace Sharp.Bpf.Elf;

/// <summary>A function symbol's extent in its code section, in 8-byte instruction slots.</summary>
/// <param name="Name">The symbol name.</param>
/// <param name="Section">The code section holding it.</param>
/// <param name="StartSlot">The slot of its first instruction.</param>
/// <param name="EndSlot">The slot just past its last instruction.</param>
internal sealed record CodeFunction(string Name, CodeSection Section, int StartSlot, int EndSlot)
{
    /// <summary>True when <paramref name="slot"/> lies inside the function.</summary>
    public bool Contains(int slot) => slot >= StartSlot && slot < EndSlot;
}
