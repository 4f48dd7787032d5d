namespace Sharp.Bpf.Links;

/// <summary>Which way through an interface a tc program sees packets.</summary>
public enum TcDirection
{
    /// <summary>Packets the interface receives (before the network stack sees them).</summary>
    Ingress,
    /// <summary>Packets the interface transmits.</summary>
    Egress,
}
