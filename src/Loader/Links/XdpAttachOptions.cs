namespace Sharp.Bpf.Links;

/// <summary>Options of <see cref="Xdp.Attach(Program, string, XdpAttachOptions?)"/>.</summary>
public sealed record XdpAttachOptions
{
    /// <summary>Link or netlink; <see cref="XdpAttachMethod.Auto"/> by default.</summary>
    public XdpAttachMethod Method { get; init; } = XdpAttachMethod.Auto;

    /// <summary>Where the program runs; <see cref="XdpMode.Auto"/> by default.</summary>
    public XdpMode Mode { get; init; } = XdpMode.Auto;

    /// <summary>Netlink: replace a program attached by netlink already instead of failing with EBUSY (links never replace
    /// programs they do not own).</summary>
    public bool Replace { get; init; }
}
