using System.Buffers.Binary;

namespace Sharp.Bpf.Kernel;

/// <summary>Converts between network (big-endian) and host byte order: a <c>be16</c>/<c>be32</c> instruction in the kernel
/// (BPF_END to big-endian, a no-op on big-endian targets).</summary>
internal static class NetworkOrder
{
    public static ushort Swap(ushort value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;

    public static uint Swap(uint value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;
}
