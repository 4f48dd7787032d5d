namespace Sharp.Bpf.Links;

/// <summary>What the kernel reports about a bpf_link (<c>BPF_OBJ_GET_INFO_BY_FD</c>, Linux 5.8).</summary>
/// <param name="Id">The kernel-wide link id (what <c>bpftool link list</c> shows).</param>
/// <param name="Type">The kind of link.</param>
/// <param name="ProgramId">The id of the attached program; 0 once the link is detached.</param>
/// <param name="InterfaceIndex">For XDP, TCX and netkit links: the interface's index; else 0.</param>
public sealed record LinkInfo(uint Id, LinkType Type, uint ProgramId, int InterfaceIndex);
