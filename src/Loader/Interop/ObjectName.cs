using System.Text;

namespace Sharp.Bpf.Interop;

/// <summary>The name the kernel keeps for a map or program (<c>BPF_OBJ_NAME_LEN</c> bytes, NUL-terminated).</summary>
internal static class ObjectName
{
    /// <summary>Size of the name field, terminator included.</summary>
    public const int Capacity = 16;

    /// <summary>Writes <paramref name="name"/> NUL-terminated into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The name is longer than 15 characters or has a character other than
    /// ASCII letters, digits, '_' and '.', which the kernel refuses with EINVAL.</exception>
    public static void Write(string name, Span<byte> destination)
    {
        if (name.Length >= Capacity)
            throw new ArgumentException($"kernel object name '{name}' is {name.Length} characters; at most {Capacity - 1} fit", nameof(name));
        foreach (char c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
                throw new ArgumentException($"kernel object name '{name}' has '{c}'; the kernel accepts only ASCII letters, digits, '_' and '.'", nameof(name));
        destination[..Capacity].Clear();
        Encoding.ASCII.GetBytes(name, destination);
    }
}
