namespace Sharp.Bpf.Compiler.Tests.Programs.Structs;

using System.Runtime.CompilerServices;
using Sharp.Bpf.Kernel;

/// <summary>Inline arrays of structs indexed by a variable that a guard has checked against the length, in each way the
/// guard may be written.</summary>
[BpfObject(License = "GPL")]
public static partial class StructArrays
{
    /// <summary>A pair of counters.</summary>
    public struct Counter
    {
        /// <summary>The first counter.</summary>
        public uint Hits;
        /// <summary>The second counter.</summary>
        public ulong Bytes;
    }

    /// <summary>Four counters.</summary>
    [InlineArray(4)]
    public struct FourCounters
    {
        Counter _first;
    }

    /// <summary>Writes and reads an element at an index tested with <c>(uint)i &lt; 4</c>, and at one rejected with
    /// <c>(uint)i &gt;= 4</c> → return.</summary>
    [Tc]
    public static TcAction GuardedIndexes(SkBuff skb)
    {
        var counters = new FourCounters();
        int index = (int)skb.Mark;
        if ((uint)index < 4)
        {
            counters[index].Hits = skb.Priority;
            counters[index].Bytes += skb.Timestamp;
        }
        int other = (int)skb.Priority;
        if ((uint)other >= 4) return (TcAction)(counters[0].Hits ^ counters[3].Hits);
        counters[other].Hits += 5;
        return (TcAction)(counters[other].Hits * 3 + (uint)counters[other].Bytes + counters[1].Hits);
    }

    /// <summary>Sums every element in a loop, after one element chosen by a signed range test was set.</summary>
    [Tc]
    public static TcAction LoopOverElements(SkBuff skb)
    {
        var counters = new FourCounters();
        int index = (int)(skb.Mark & 7) - 2;
        if (index < 0 || index >= 4) return (TcAction)100;
        counters[index].Hits = skb.Priority | 1;
        counters[index].Bytes = skb.Timestamp;
        ulong sum = 0;
        for (int i = 0; i < 4; i++) sum += counters[i].Hits * (ulong)(i + 1) + counters[i].Bytes;
        return (TcAction)(uint)(sum ^ sum >> 32);
    }
}
