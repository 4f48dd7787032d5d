namespace Sharp.Bpf.Kernel;

/// <summary>What a cgroup skb or sock program returns.</summary>
public enum CgroupVerdict
{
    /// <summary>0: drop the packet or refuse the operation (<c>EPERM</c>).</summary>
    Reject = 0,
    /// <summary>1: let it through.</summary>
    Allow = 1,
}
