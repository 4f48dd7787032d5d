using System.Runtime.CompilerServices;
using System.Text;

namespace Sharp.Bpf.Kernel;

/// <summary>A task name as the kernel stores it (<c>char comm[TASK_COMM_LEN]</c>): 16 bytes, NUL-terminated.</summary>
[InlineArray(Length)]
public struct TaskComm
{
    /// <summary><c>TASK_COMM_LEN</c>.</summary>
    public const int Length = 16;

    byte _first;

    /// <summary>The name up to its NUL.</summary>
    public override readonly string ToString()
    {
        ReadOnlySpan<byte> bytes = this;
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
