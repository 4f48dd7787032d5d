using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Stack stores whose frame bytes a later store in the same block writes again before anything can read them — which
/// happens once slots share bytes (<see cref="StackLayout"/>): the entry zeroing of two structs that now live at the same place.
/// Anything other than a stack load, a stack store or register arithmetic may read the frame (a load or store through a
/// pointer, a call, an atomic), so it ends the search.</summary>
internal static class OverwrittenFrameStores
{
    /// <summary>For each instruction of <paramref name="block"/>, whether it is a store nothing can read.</summary>
    public static bool[] Find(Block block, StackLayout stack)
    {
        var dead = new bool[block.Instructions.Count];
        var overwritten = new bool[StackLayout.MaxBytes + 1];
        for (int k = block.Instructions.Count - 1; k >= 0; k--)
        {
            switch (block.Instructions[k])
            {
                case StoreStack store:
                {
                    int start = -(stack.Offsets[store.Slot] + store.Offset) - store.Size;
                    if (start < 0 || start + store.Size > overwritten.Length) { Array.Clear(overwritten); break; }
                    bool all = true;
                    for (int x = start; x < start + store.Size; x++) all &= overwritten[x];
                    if (all) dead[k] = true;
                    else Array.Fill(overwritten, true, start, store.Size);
                    break;
                }
                case LoadStack load:
                {
                    int start = -(stack.Offsets[load.Slot] + load.Offset) - load.Size;
                    if (start < 0 || start + load.Size > overwritten.Length) Array.Clear(overwritten);
                    else Array.Fill(overwritten, false, start, load.Size);
                    break;
                }
                case Move or Binary or Unary or Extend or ByteSwap or LoadMap or LoadGlobalAddress or LoadFunctionAddress or StackAddress:
                    break;
                default:
                    Array.Clear(overwritten);
                    break;
            }
        }
        return dead;
    }
}
