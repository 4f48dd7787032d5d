using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Tests.Links;

/// <summary>packet_counter.c loaded: programs count_tc, pass_tc, count_xdp, pass_xdp and the counts map
/// (key 0: TCP packets of <see cref="NamespaceTraffic.TcpPort"/>, key 1: UDP packets of <see cref="NamespaceTraffic.UdpPort"/>).</summary>
sealed class PacketCounter : IDisposable
{
    readonly Collection collection;

    public PacketCounter()
    {
        var source = Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Tests", "Data", "links", "packet_counter.c");
        collection = Collection.Load(ClangObjects.Compile(source));
    }

    public Program CountTc => collection.GetProgram("count_tc");
    public Program PassTc => collection.GetProgram("pass_tc");
    public Program CountXdp => collection.GetProgram("count_xdp");
    public Program PassXdp => collection.GetProgram("pass_xdp");

    public ulong TcpPackets => Read(0);
    public ulong UdpPackets => Read(1);

    ulong Read(uint key)
    {
        Span<byte> value = stackalloc byte[8];
        collection.GetMap("counts").Lookup(BitConverter.GetBytes(key), value);
        return BitConverter.ToUInt64(value);
    }

    public void Dispose() => collection.Dispose();
}
