namespace Sharp.Bpf.Links;

/// <summary>Options of <see cref="Tc.Attach(Program, string, TcDirection, TcAttachOptions?)"/>. Each option applies to one
/// attach method and is ignored by the other.</summary>
public sealed record TcAttachOptions
{
    /// <summary>TCX or netlink; <see cref="TcAttachMethod.Auto"/> by default.</summary>
    public TcAttachMethod Method { get; init; } = TcAttachMethod.Auto;

    /// <summary>TCX: where among the hook's programs to run; null for last.</summary>
    public TcxAnchor? Anchor { get; init; }

    /// <summary>Netlink: the filter's priority (lower runs first); 1 by default, like libbpf.</summary>
    public ushort Priority { get; init; } = 1;

    /// <summary>Netlink: the filter's handle within its priority; 1 by default, like libbpf.</summary>
    public uint Handle { get; init; } = 1;

    /// <summary>Netlink: replace a filter already at <see cref="Priority"/>/<see cref="Handle"/> instead of failing.</summary>
    public bool Replace { get; init; }
}
