using System.Runtime.InteropServices;

namespace Sharp.Bpf;

/// <summary>Delivers each record as a <typeparamref name="T"/> read from its first bytes.</summary>
internal readonly struct TypedSink<T>(Action<T> handler) : IRecordSink where T : unmanaged
{
    public void Accept(ReadOnlySpan<byte> record) => handler(MemoryMarshal.Read<T>(record));
}
