using System.Runtime.CompilerServices;
using System.Text;

namespace Sharp.Bpf.Samples.ExecSnoop.Kernel;

/// <summary>The first <see cref="Length"/> bytes of an executed file's path.</summary>
[InlineArray(Length)]
public struct FilenameBuffer
{
    /// <summary>How many bytes of the path an event carries, its NUL included; longer paths are cut to 255 bytes.</summary>
    public const int Length = 256;

    byte _first;

    /// <summary>The path: the first <paramref name="length"/> bytes (the <c>__data_loc</c> length, which counts the NUL), up to the
    /// first NUL, at most <see cref="Length"/> bytes.</summary>
    public readonly string ToString(int length)
    {
        ReadOnlySpan<byte> bytes = this;
        bytes = bytes[..Math.Clamp(length, 0, Length)];
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
