using Sharp.Bpf.Links;

namespace Sharp.Bpf.Samples.XdpProtocolCounter;

/// <summary>What <see cref="ProtocolCounterApp"/> counts on and for how long.</summary>
/// <param name="InterfaceName">The network interface whose received packets are counted.</param>
/// <param name="Mode">Where the XDP program runs: <see cref="XdpMode.Auto"/> lets the kernel take the driver's native hook
/// when it has one and the generic (socket buffer) hook otherwise.</param>
/// <param name="Duration">Stop after this long; null runs until cancelled.</param>
/// <param name="Interval">How often the counts are printed.</param>
public sealed record ProtocolCounterOptions(string InterfaceName, XdpMode Mode, TimeSpan? Duration, TimeSpan Interval)
{
    /// <summary>Options counting on <paramref name="interfaceName"/> in the kernel's preferred mode, printing every second,
    /// until cancelled.</summary>
    public ProtocolCounterOptions(string interfaceName) : this(interfaceName, XdpMode.Auto, null, TimeSpan.FromSeconds(1)) { }
}
