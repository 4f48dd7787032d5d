using System.Net;
using Sharp.Bpf.Links;

namespace Sharp.Bpf.Flat.Cli;

/// <summary>flat's validated command line.</summary>
/// <param name="Interface">The interface to attach to; null for the interface of the default route.</param>
/// <param name="Address">Only flows with this address at either end; null for every address.</param>
/// <param name="Port">Only flows with this port at either end; null for every port.</param>
/// <param name="Json">JSON Lines on stdout instead of human-readable lines.</param>
/// <param name="Summary">Print per-remote-endpoint statistics periodically and on exit.</param>
/// <param name="Duration">Stop after this long; null to run until Ctrl+C or SIGTERM.</param>
/// <param name="Otlp">Export metrics by OTLP to this endpoint; null for no OTLP export.</param>
/// <param name="PrometheusPort">Serve metrics for Prometheus on this port; null for none.</param>
/// <param name="Attach">How to attach at tc: TCX where the kernel has it else netlink clsact (<see cref="TcAttachMethod.Auto"/>),
/// or one of them forced.</param>
internal sealed record FlatSettings(string? Interface, IPAddress? Address, ushort? Port, bool Json, bool Summary, TimeSpan? Duration,
    Uri? Otlp = null, ushort? PrometheusPort = null, TcAttachMethod Attach = TcAttachMethod.Auto);
