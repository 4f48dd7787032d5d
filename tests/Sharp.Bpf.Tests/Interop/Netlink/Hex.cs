using System.Text;

namespace Sharp.Bpf.Tests.Interop.Netlink;

/// <summary>Wire bytes written as hex fields, one C struct member or attribute part per argument, so a table reads like
/// the uapi layout it encodes.</summary>
static class Hex
{
    /// <summary>The bytes of <paramref name="fields"/> in order; spaces inside a field are ignored.</summary>
    public static byte[] Bytes(params string[] fields) => Convert.FromHexString(string.Concat(fields).Replace(" ", ""));

    /// <summary>The hex of <paramref name="text"/>'s ASCII bytes (no NUL), for string attribute payloads.</summary>
    public static string Ascii(string text) => Convert.ToHexString(Encoding.ASCII.GetBytes(text));
}
