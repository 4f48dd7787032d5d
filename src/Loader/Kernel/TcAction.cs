namespace Sharp.Bpf.Kernel;

/// <summary>What a tc or tcx program returns (<c>TC_ACT_*</c>, <c>TCX_*</c> in linux/pkt_cls.h and linux/bpf.h).</summary>
public enum TcAction
{
    /// <summary>-1, <c>TC_ACT_UNSPEC</c> / <c>TCX_NEXT</c>: no verdict; the next program or the default decides.</summary>
    Unspecified = -1,
    /// <summary>0, <c>TC_ACT_OK</c> / <c>TCX_PASS</c>: let the packet through.</summary>
    Ok = 0,
    /// <summary>1, <c>TC_ACT_RECLASSIFY</c>: classify again from the start.</summary>
    Reclassify = 1,
    /// <summary>2, <c>TC_ACT_SHOT</c> / <c>TCX_DROP</c>: drop the packet.</summary>
    Shot = 2,
    /// <summary>3, <c>TC_ACT_PIPE</c>: continue with the next action.</summary>
    Pipe = 3,
    /// <summary>4, <c>TC_ACT_STOLEN</c>: consumed; the stack does not see it again.</summary>
    Stolen = 4,
    /// <summary>5, <c>TC_ACT_QUEUED</c>.</summary>
    Queued = 5,
    /// <summary>6, <c>TC_ACT_REPEAT</c>.</summary>
    Repeat = 6,
    /// <summary>7, <c>TC_ACT_REDIRECT</c> / <c>TCX_REDIRECT</c>: what <see cref="Bpf.Redirect"/> returns on success.</summary>
    Redirect = 7,
    /// <summary>8, <c>TC_ACT_TRAP</c>.</summary>
    Trap = 8,
}
