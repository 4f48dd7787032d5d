namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>One kernel program under differential test: the same method run as managed code (the oracle) and in the
/// kernel with <c>BPF_PROG_TEST_RUN</c> must return the same 32-bit value, leave the same packet bytes and, when
/// <see cref="Maps"/> are given, the same map contents after every input.</summary>
/// <param name="Name">The program's name in the object (the C# method name).</param>
/// <param name="RunManaged">Runs the C# method on a managed context over the packet (which it may change in place) and
/// returns its result as the 32 bits the kernel returns.</param>
/// <param name="Inputs">The packets to run it on.</param>
public sealed record DifferentialProgram(string Name, Func<byte[], uint> RunManaged, InputSource Inputs)
{
    /// <summary>Maps whose contents are compared after every input; state accumulates across inputs on both sides.</summary>
    public IReadOnlyList<MapComparison> Maps { get; init; } = [];

    /// <summary>Where the compared part of the packet left behind starts: 0, or <see cref="InputSource.MinimumPacketLength"/>
    /// for program types whose test run hands the Ethernet header back zeroed (socket filters see the packet from the
    /// network header on).</summary>
    public int PacketComparedFrom { get; init; }

    /// <summary>Builds the test run's context from the packet (null: the kernel's default context).</summary>
    public Func<byte[], byte[]>? ContextOf { get; init; }

    /// <summary>How many inputs to run (at least 1,000 for the compiler's proof).</summary>
    public int InputCount { get; init; } = 1_000;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
