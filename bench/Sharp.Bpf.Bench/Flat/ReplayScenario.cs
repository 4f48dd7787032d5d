namespace Sharp.Bpf.Bench.Flat;

/// <summary>One kind of exchange in the replayed traffic, repeated on distinct flows (a new client port each time).</summary>
/// <param name="Name">What happens, as the row names it.</param>
/// <param name="Repetitions">How many flows of this kind the mix has.</param>
/// <param name="HostIsClient">True when the measuring host opened the flow (its packets leave on egress, the server's
/// arrive on ingress); false when a remote client did.</param>
/// <param name="Packets">The flow's packets in order, each with whether the client sent it.</param>
/// <param name="Measurements">How many measurements one flow holds: answered handshakes and request/response pairs.</param>
internal sealed record ReplayScenario(
    string Name,
    int Repetitions,
    bool HostIsClient,
    IReadOnlyList<(ReplayFrame.Kind Kind, bool FromClient)> Packets,
    int Measurements);
