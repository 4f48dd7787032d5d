using Microsoft.CodeAnalysis.CSharp;

namespace Sharp.Bpf.Compiler.Bindings;

/// <summary>The attach methods a typed program binding offers, per program attribute: each forwards to the loader's
/// attach function for that program type (Sharp.Bpf.Links) with what the attribute already says (the tracepoint, the
/// probed function, the direction, the cgroup attach type).</summary>
internal static class ProgramAttachMethods
{
    const string Links = "global::Sharp.Bpf.Links.";

    public static void Write(SourceText source, ProgramDeclaration declaration)
    {
        string? Argument(string name) => declaration.Argument(name);
        static string Literal(string? value) => SymbolDisplay.FormatLiteral(value ?? "", quote: true);
        ulong offset = ulong.TryParse(Argument("Offset"), out var parsed) ? parsed : 0;

        switch (declaration.Kind)
        {
            case "Xdp":
                Method(source, "Attaches the program to a network interface's XDP hook (Linux 4.8).",
                    [("interfaceName", "The interface, e.g. \"eth0\"."), ("options", "Mode and replacement; null for the defaults.")],
                    $"{Links}Link Attach(string interfaceName, {Links}XdpAttachOptions? options = null)",
                    $"{Links}Xdp.Attach(Program, interfaceName, options)");
                break;
            case "Tc":
                Method(source, "Attaches the classifier to a network interface (tcx on Linux 6.6, else a clsact qdisc filter).",
                    [("interfaceName", "The interface, e.g. \"eth0\"."), ("direction", "Ingress or egress."), ("options", "How to attach; null for the defaults.")],
                    $"{Links}Link Attach(string interfaceName, {Links}TcDirection direction, {Links}TcAttachOptions? options = null)",
                    $"{Links}Tc.Attach(Program, interfaceName, direction, options)");
                break;
            case "Tcx":
                Method(source, $"Attaches the program to a network interface's tcx {Argument("Direction")?.ToLowerInvariant()} hook (Linux 6.6).",
                    [("interfaceName", "The interface, e.g. \"eth0\"."), ("anchor", "Where in the interface's chain; null for last.")],
                    $"{Links}TcxLink Attach(string interfaceName, {Links}TcxAnchor? anchor = null)",
                    $"{Links}TcxLink.Attach(Program, interfaceName, {Links}TcDirection.{Argument("Direction")}, anchor)");
                break;
            case "Tracepoint":
                Method(source, $"Attaches the program to the tracepoint {Argument("Category")}/{Argument("Name")} (Linux 4.7).",
                    [("options", "Attach options; null for the defaults.")],
                    $"{Links}Link Attach({Links}TracepointOptions? options = null)",
                    $"{Links}Tracepoint.Attach(Program, {Literal(Argument("Category"))}, {Literal(Argument("Name"))}, options)");
                break;
            case "RawTracepoint":
                Method(source, $"Attaches the program to the raw tracepoint {Argument("Name")} (Linux 4.17).",
                    [("cookie", "The BPF cookie the program reads.")],
                    $"{Links}BpfLink Attach(ulong cookie = 0)",
                    $"{Links}RawTracepoint.Attach(Program, {Literal(Argument("Name"))}, cookie)");
                break;
            case "TracepointBtf":
                Method(source, $"Attaches the program to the BTF tracepoint {Argument("Name")} (Linux 5.5).",
                    [("cookie", "The BPF cookie the program reads.")],
                    $"{Links}BpfLink Attach(ulong cookie = 0)",
                    $"{Links}TracepointBtf.Attach(Program, cookie)");
                break;
            case "Kprobe" or "Kretprobe":
                bool kretprobe = declaration.Kind == "Kretprobe";
                Method(source, $"Attaches the program to {(kretprobe ? "returns from" : "entry of")} the kernel function {Argument("Function")} (Linux 4.1).",
                    [("options", "Attach options; null for the defaults.")],
                    $"{Links}Link Attach({Links}KprobeOptions? options = null)",
                    $"{Links}Kprobe.{(kretprobe ? "AttachReturn" : "Attach")}(Program, {Literal(Argument("Function"))}, {WithOffset("KprobeOptions", offset)})");
                break;
            case "Uprobe" or "Uretprobe":
                bool uretprobe = declaration.Kind == "Uretprobe";
                Method(source, $"Attaches the program to {(uretprobe ? "returns from" : "entry of")} {Argument("Symbol")} in {Argument("Binary")} (Linux 4.3).",
                    [("options", "Process filter, cookie and mode; null for the defaults.")],
                    $"{Links}Link Attach({Links}UprobeOptions? options = null)",
                    $"{Links}Uprobe.{(uretprobe ? "AttachReturn" : "Attach")}(Program, {Literal(Argument("Binary"))}, {Literal(Argument("Symbol"))}, {WithOffset("UprobeOptions", offset)})");
                break;
            case "SocketFilter":
                Method(source, "Attaches the filter to a socket (Linux 3.19).",
                    [("socket", "The socket whose received packets the program filters.")],
                    $"{Links}Link Attach(global::System.Net.Sockets.Socket socket)",
                    $"{Links}SocketFilter.Attach(socket, Program)");
                Method(source, "Attaches the filter to a socket given by its handle (Linux 3.19).",
                    [("socket", "The socket's handle.")],
                    $"{Links}Link Attach(global::System.Runtime.InteropServices.SafeHandle socket)",
                    $"{Links}SocketFilter.Attach(socket, Program)");
                break;
            case "CgroupSkb" or "CgroupSock":
                Method(source, $"Attaches the program to a cgroup at {declaration.ExpectedAttachType} (Linux 4.10).",
                    [("cgroupPath", "The cgroup directory, e.g. \"/sys/fs/cgroup/my.slice\".")],
                    $"{Links}BpfLink Attach(string cgroupPath)",
                    $"{Links}Cgroup.Attach(Program, cgroupPath, global::Sharp.Bpf.AttachType.{declaration.ExpectedAttachType})");
                break;
            case "PerfEvent":
                Method(source, "Attaches the program to a software perf event on every CPU (Linux 4.9).",
                    [("softwareEvent", "The event to sample."), ("options", "Sampling period or frequency.")],
                    $"{Links}Link AttachSoftware({Links}SoftwarePerfEvent softwareEvent, {Links}PerfEventSamplingOptions options)",
                    $"{Links}PerfEvent.AttachSoftware(Program, softwareEvent, options)");
                break;
        }
    }

    /// <summary>The options argument, with the attribute's probe offset applied when it has one.</summary>
    static string WithOffset(string optionsType, ulong offset) =>
        offset == 0 ? "options" : $"(options ?? new {Links}{optionsType}()) with {{ Offset = {offset}UL }}";

    static void Method(SourceText source, string summary, (string Name, string Doc)[] parameters, string signature, string body)
    {
        source.Line($"/// <summary>{summary}</summary>");
        foreach (var (name, doc) in parameters)
            source.Line($"/// <param name=\"{name}\">{Escape(doc)}</param>");
        source.Line("/// <returns>The link; dispose it to detach.</returns>");
        source.Line("/// <exception cref=\"global::Sharp.Bpf.BpfException\">The kernel refused the attachment.</exception>");
        source.Line($"public {signature} => {body};");
        source.Line();
    }

    internal static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
