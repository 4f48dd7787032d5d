namespace Sharp.Bpf.Samples.SocketFilterDns;

/// <summary>Where <see cref="DnsSnoopApp"/> captures and when it stops.</summary>
/// <param name="InterfaceName">The interface whose DNS traffic (both directions) is printed.</param>
/// <param name="Count">Stop after this many DNS packets; null for no limit.</param>
/// <param name="Duration">Stop after this long; null runs until cancelled.</param>
public sealed record DnsSnoopOptions(string InterfaceName, int? Count = null, TimeSpan? Duration = null);
