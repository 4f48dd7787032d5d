namespace Sharp.Bpf.Links;

/// <summary>Where an XDP program runs (<c>XDP_FLAGS_*_MODE</c>, linux/if_link.h).</summary>
public enum XdpMode
{
    /// <summary>The kernel chooses: native when the driver supports XDP, else generic.</summary>
    Auto,
    /// <summary>In the network stack on the socket buffer (<c>XDP_FLAGS_SKB_MODE</c>); works on every interface, slowest.</summary>
    Generic,
    /// <summary>In the driver before socket buffers exist (<c>XDP_FLAGS_DRV_MODE</c>); needs driver support (veth has it).</summary>
    Native,
    /// <summary>On the NIC (<c>XDP_FLAGS_HW_MODE</c>); needs an offloading NIC (nfp) and a program loaded for that device.</summary>
    Offload,
}
