namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Where a program's test packets come from. Generation is deterministic for a given seed, so a failing input
/// can be reproduced by re-running the test.</summary>
public abstract class InputSource
{
    /// <summary>The smallest packet <c>BPF_PROG_TEST_RUN</c> accepts for XDP and skb programs (an Ethernet header).</summary>
    public const int MinimumPacketLength = 14;

    /// <summary><paramref name="count"/> packets, boundary cases first, then pseudo-random ones drawn from <paramref name="seed"/>.</summary>
    public abstract IReadOnlyList<byte[]> Generate(int count, int seed);

    /// <summary>A human-readable account of <paramref name="packet"/> for failure messages (always includes its bytes).</summary>
    public virtual string Describe(byte[] packet) => $"packet ({packet.Length} bytes) {Convert.ToHexString(packet)}";
}
