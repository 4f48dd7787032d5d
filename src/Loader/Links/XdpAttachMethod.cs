namespace Sharp.Bpf.Links;

/// <summary>How <see cref="Xdp.Attach(Program, string, XdpAttachOptions?)"/> attaches an XDP program.</summary>
public enum XdpAttachMethod
{
    /// <summary>An XDP link, falling back to netlink when the kernel refuses links with EINVAL (before Linux 5.9).</summary>
    Auto,
    /// <summary>An XDP link (Linux 5.9).</summary>
    Link,
    /// <summary>RTM_SETLINK with IFLA_XDP over rtnetlink (Linux 4.8).</summary>
    Netlink,
}
