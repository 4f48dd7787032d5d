namespace Sharp.Bpf.Samples.TcPortFirewall;

/// <summary>What <see cref="PortFirewallApp"/> filters and for how long.</summary>
/// <param name="InterfaceName">The interface whose incoming packets are filtered.</param>
/// <param name="InitialBlocks">Ports blocked before the program is attached.</param>
/// <param name="Duration">Stop after this long; null runs until cancelled.</param>
/// <param name="Interval">How often the drop counts are checked and printed when they changed.</param>
public sealed record PortFirewallOptions(string InterfaceName, IReadOnlyList<ushort> InitialBlocks, TimeSpan? Duration, TimeSpan Interval)
{
    /// <summary>Options filtering on <paramref name="interfaceName"/> with <paramref name="initialBlocks"/> blocked, printing
    /// changed drop counts every second, until cancelled.</summary>
    public PortFirewallOptions(string interfaceName, params ushort[] initialBlocks) : this(interfaceName, initialBlocks, null, TimeSpan.FromSeconds(1)) { }
}
