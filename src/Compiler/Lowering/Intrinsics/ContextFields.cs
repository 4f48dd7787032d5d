namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>A context field: its offset and width in the kernel's context struct.</summary>
/// <param name="KernelName">The field's name in the kernel's uapi struct.</param>
/// <param name="Offset">Bytes from the start of the context.</param>
/// <param name="Size">Load width in bytes (the verifier demands the exact width for most fields).</param>
internal sealed record ContextField(string KernelName, short Offset, int Size);

/// <summary>The layouts of the program contexts (linux/bpf.h, checked against the installed uapi header), keyed by the C#
/// context type's metadata name and member name. Which program types may read or write a field is the verifier's
/// business (net/core/filter.c): tc (<c>sched_cls</c>) writes <c>mark</c>, <c>queue_mapping</c>, <c>priority</c>,
/// <c>tc_index</c>, <c>tc_classid</c>, <c>tstamp</c> and reads <c>data</c>/<c>data_end</c>; socket filters write only
/// <c>cb[]</c> and may not read <c>data</c>, <c>data_end</c> or <c>tc_classid</c>; cgroup skb programs write <c>mark</c>,
/// <c>priority</c> and <c>tstamp</c> and read <c>data</c>/<c>data_end</c> (Linux 4.20, CAP_BPF) but not
/// <c>tc_classid</c>. The C# types expose setters only for fields some program type may write; a write the program type
/// does not allow is reported by the verifier with the field's offset.</summary>
internal static class ContextFields
{
    /// <summary><c>struct __sk_buff</c>: every field is a <c>__u32</c> except <c>tstamp</c>.</summary>
    public static readonly IReadOnlyDictionary<string, ContextField> SkBuff = new Dictionary<string, ContextField>
    {
        ["Len"] = new("len", 0, 4),
        ["PacketType"] = new("pkt_type", 4, 4),
        ["Mark"] = new("mark", 8, 4),
        ["QueueMapping"] = new("queue_mapping", 12, 4),
        ["Protocol"] = new("protocol", 16, 4),
        ["VlanPresent"] = new("vlan_present", 20, 4),
        ["VlanTci"] = new("vlan_tci", 24, 4),
        ["VlanProto"] = new("vlan_proto", 28, 4),
        ["Priority"] = new("priority", 32, 4),
        ["IngressIfindex"] = new("ingress_ifindex", 36, 4),
        ["Ifindex"] = new("ifindex", 40, 4),
        ["TcIndex"] = new("tc_index", 44, 4),
        ["Hash"] = new("hash", 68, 4),
        ["TcClassId"] = new("tc_classid", 72, 4),
        ["NapiId"] = new("napi_id", 84, 4),
        ["Timestamp"] = new("tstamp", 152, 8),
        ["WireLength"] = new("wire_len", 160, 4),
        ["GsoSegments"] = new("gso_segs", 164, 4),
        ["GsoSize"] = new("gso_size", 176, 4),
    };

    /// <summary><c>__sk_buff.data</c> and <c>data_end</c>: 32-bit loads the verifier turns into packet pointers.</summary>
    public static readonly (ContextField Data, ContextField DataEnd) SkBuffPacket = (new("data", 76, 4), new("data_end", 80, 4));

    /// <summary><c>struct xdp_md</c>: all <c>__u32</c>.</summary>
    public static readonly IReadOnlyDictionary<string, ContextField> XdpMd = new Dictionary<string, ContextField>
    {
        ["IngressIfindex"] = new("ingress_ifindex", 12, 4),
        ["RxQueueIndex"] = new("rx_queue_index", 16, 4),
        ["EgressIfindex"] = new("egress_ifindex", 20, 4),
    };

    /// <summary><c>xdp_md.data</c> and <c>data_end</c>.</summary>
    public static readonly (ContextField Data, ContextField DataEnd) XdpMdPacket = (new("data", 0, 4), new("data_end", 4, 4));

    /// <summary>x86-64 <c>struct pt_regs</c> registers of the System V argument order (<c>PtRegs.Arg(n)</c>, n = 1..6).</summary>
    public static readonly IReadOnlyList<string> PtRegsArguments = ["Rdi", "Rsi", "Rdx", "Rcx", "R8", "R9"];

    /// <summary>The Sharp.Bpf.Kernel structs laid out as a kernel context (the context register points to one): their
    /// fields are context loads at the struct's offsets.</summary>
    public static bool IsKernelContextStruct(Microsoft.CodeAnalysis.ITypeSymbol type) =>
        KernelSymbols.KernelName(type) is "PtRegs" or "RawTracepointArguments";

    /// <summary>The context types with a packet, by metadata name.</summary>
    public static (ContextField Data, ContextField DataEnd)? PacketFields(string? contextType) => contextType switch
    {
        "SkBuff" => SkBuffPacket,
        "XdpMd" => XdpMdPacket,
        _ => null,
    };

    public static IReadOnlyDictionary<string, ContextField>? Fields(string? contextType) => contextType switch
    {
        "SkBuff" => SkBuff,
        "XdpMd" => XdpMd,
        _ => null,
    };
}
