namespace Sharp.Bpf.Links;

/// <summary>How <see cref="Tc.Attach(Program, string, TcDirection, TcAttachOptions?)"/> attaches a tc program.</summary>
public enum TcAttachMethod
{
    /// <summary>TCX when <see cref="Features.NetworkFeatures.TcxLinks"/> finds it, else netlink.</summary>
    Auto,
    /// <summary>A TCX link (Linux 6.6); fails on older kernels.</summary>
    Tcx,
    /// <summary>A cls_bpf filter in direct-action mode on a clsact qdisc, over rtnetlink (Linux 4.5).</summary>
    Netlink,
}
