using Sharp.Bpf.Links;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary>Where <c>sharp-bpf attach</c> attaches a program, parsed from its target argument
/// (<c>tracepoint:syscalls:sys_enter_getppid</c>, <c>uprobe:/usr/bin/bash:readline</c>, ...).</summary>
internal abstract record AttachPoint
{
    /// <summary>The accepted forms, for usage errors.</summary>
    public const string Forms =
        "tc:<ifname>:ingress|egress, xdp:<ifname>[:generic|native], tracepoint:<category>:<name>, raw_tp:<name>, tp_btf, " +
        "uprobe:<path>:<symbol>, uretprobe:<path>:<symbol>, kprobe:<symbol>, kretprobe:<symbol>, cgroup:<path>:<attach type>";

    /// <summary>Attaches <paramref name="program"/> here.</summary>
    public abstract Link Attach(Program program);

    /// <summary>Parses a target argument.</summary>
    /// <exception cref="FormatException">The text is not one of <see cref="Forms"/>; the message says what is wrong.</exception>
    public static AttachPoint Parse(string target)
    {
        int colon = target.IndexOf(':');
        var kind = colon < 0 ? target : target[..colon];
        var rest = colon < 0 ? "" : target[(colon + 1)..];
        return kind switch
        {
            "tc" => ParseTc(rest, target),
            "xdp" => ParseXdp(rest, target),
            "tracepoint" or "tp" => ParseTracepoint(rest, target),
            "raw_tp" or "raw_tracepoint" => new RawTracepointPoint(Required(rest, target, "raw_tp:<name>")),
            "tp_btf" when rest.Length == 0 => new TracepointBtfPoint(),
            "uprobe" or "uretprobe" => ParseUprobe(rest, target, isReturn: kind == "uretprobe"),
            "kprobe" or "kretprobe" => new KprobePoint(Required(rest, target, $"{kind}:<symbol>"), IsReturn: kind == "kretprobe"),
            "cgroup" => ParseCgroup(rest, target),
            _ => throw new FormatException($"unknown target '{target}': expected one of {Forms}"),
        };
    }

    static TcPoint ParseTc(string rest, string target)
    {
        var parts = rest.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0)
            throw new FormatException($"target '{target}' is not tc:<ifname>:ingress|egress");
        var direction = parts[1] switch
        {
            "ingress" => TcDirection.Ingress,
            "egress" => TcDirection.Egress,
            _ => throw new FormatException($"target '{target}': tc direction '{parts[1]}' is not ingress or egress"),
        };
        return new TcPoint(parts[0], direction);
    }

    static XdpPoint ParseXdp(string rest, string target)
    {
        var parts = rest.Split(':');
        if (parts.Length > 2 || parts[0].Length == 0)
            throw new FormatException($"target '{target}' is not xdp:<ifname>[:generic|native]");
        var mode = parts.Length == 1 ? XdpMode.Auto : parts[1] switch
        {
            "generic" => XdpMode.Generic,
            "native" => XdpMode.Native,
            _ => throw new FormatException($"target '{target}': XDP mode '{parts[1]}' is not generic or native"),
        };
        return new XdpPoint(parts[0], mode);
    }

    static TracepointPoint ParseTracepoint(string rest, string target)
    {
        var parts = rest.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new FormatException($"target '{target}' is not tracepoint:<category>:<name> (e.g. tracepoint:syscalls:sys_enter_getppid)");
        return new TracepointPoint(parts[0], parts[1]);
    }

    static UprobePoint ParseUprobe(string rest, string target, bool isReturn)
    {
        // The symbol follows the last colon, so a path may contain colons.
        int colon = rest.LastIndexOf(':');
        var form = isReturn ? "uretprobe:<path>:<symbol>" : "uprobe:<path>:<symbol>";
        if (colon <= 0 || colon == rest.Length - 1)
            throw new FormatException($"target '{target}' is not {form}");
        return new UprobePoint(rest[..colon], rest[(colon + 1)..], isReturn);
    }

    static CgroupPoint ParseCgroup(string rest, string target)
    {
        int colon = rest.LastIndexOf(':');
        if (colon <= 0 || colon == rest.Length - 1)
            throw new FormatException($"target '{target}' is not cgroup:<path>:<attach type> (e.g. cgroup:/sys/fs/cgroup/test:egress)");
        var typeName = rest[(colon + 1)..];
        var attachType = CgroupAttachTypes.TryParse(typeName)
            ?? throw new FormatException($"target '{target}': '{typeName}' is not a cgroup attach type; use one of {string.Join(", ", CgroupAttachTypes.Names)}");
        return new CgroupPoint(rest[..colon], attachType);
    }

    static string Required(string value, string target, string form) =>
        value.Length > 0 && !value.Contains(':') ? value : throw new FormatException($"target '{target}' is not {form}");
}

internal sealed record TcPoint(string InterfaceName, TcDirection Direction) : AttachPoint
{
    public override Link Attach(Program program) => Tc.Attach(program, InterfaceName, Direction);
}

internal sealed record XdpPoint(string InterfaceName, XdpMode Mode) : AttachPoint
{
    public override Link Attach(Program program) => XdpLink.Attach(program, InterfaceName, Mode);
}

internal sealed record TracepointPoint(string Category, string Name) : AttachPoint
{
    public override Link Attach(Program program) => Tracepoint.Attach(program, Category, Name);
}

internal sealed record RawTracepointPoint(string Name) : AttachPoint
{
    public override Link Attach(Program program) => RawTracepoint.Attach(program, Name);
}

internal sealed record TracepointBtfPoint : AttachPoint
{
    public override Link Attach(Program program) => TracepointBtf.Attach(program);
}

internal sealed record UprobePoint(string Binary, string Symbol, bool IsReturn) : AttachPoint
{
    public override Link Attach(Program program) =>
        IsReturn ? Uprobe.AttachReturn(program, Binary, Symbol) : Uprobe.Attach(program, Binary, Symbol);
}

internal sealed record KprobePoint(string Symbol, bool IsReturn) : AttachPoint
{
    public override Link Attach(Program program) =>
        IsReturn ? Kprobe.AttachReturn(program, Symbol) : Kprobe.Attach(program, Symbol);
}

internal sealed record CgroupPoint(string Path, AttachType AttachType) : AttachPoint
{
    public override Link Attach(Program program) => Cgroup.Attach(program, Path, AttachType);
}
