using System.Text.Json;
using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Asks iproute2 and bpftool — not our code — what is attached to an interface in a namespace.</summary>
static class AttachmentOracle
{
    public static string Qdiscs(string ns, string interfaceName) => ExternalTool.Run("tc", ["-n", ns, "qdisc", "show", "dev", interfaceName]);

    public static string Filters(string ns, string interfaceName, string hook) => ExternalTool.Run("tc", ["-n", ns, "filter", "show", "dev", interfaceName, hook]);

    public static string Link(string ns, string interfaceName) => ExternalTool.Run("ip", ["-n", ns, "link", "show", "dev", interfaceName]);

    /// <summary>bpftool's view of the interface's XDP and tc attachments (run inside the namespace as a child process),
    /// followed by the programs on its TCX hooks in order: Debian's bpftool 7.1 predates TCX, so those come from the
    /// kernel's own <c>BPF_PROG_QUERY</c> answer rather than from any Sharp.Bpf link code.</summary>
    public static string BpftoolNet(string ns, string interfaceName) =>
        ExternalTool.Run("ip", ["netns", "exec", ns, "bpftool", "net", "show", "dev", interfaceName])
        + $"tcx/ingress: {string.Join(' ', TcxPrograms(ns, interfaceName, AttachType.TcxIngress))}\n"
        + $"tcx/egress: {string.Join(' ', TcxPrograms(ns, interfaceName, AttachType.TcxEgress))}\n";

    /// <summary>The names of the programs on a TCX hook, first to last.</summary>
    static IEnumerable<string> TcxPrograms(string ns, string interfaceName, AttachType hook)
    {
        using var link = JsonDocument.Parse(ExternalTool.Run("ip", ["-n", ns, "-j", "link", "show", "dev", interfaceName]));
        uint index = link.RootElement[0].GetProperty("ifindex").GetUInt32();
        return NetworkNamespacePair.RunIn(ns, () => QueryTcx(index, hook));
    }

    /// <summary>BPF_PROG_QUERY resolves the interface index in the calling thread's network namespace.</summary>
    static List<string> QueryTcx(uint index, AttachType hook)
    {
        var ids = new uint[64];
        unsafe
        {
            fixed (uint* pointer = ids)
            {
                var attr = new ProgramQueryAttr { Target = index, AttachType = (uint)hook, ProgramIds = (ulong)pointer, Count = (uint)ids.Length };
                Syscall.Bpf(BpfCommand.ProgramQuery, ref attr);
                return ids.Take((int)attr.Count).Select(id =>
                {
                    using var program = Program.FromId(id);
                    return program.GetInfo().Name;
                }).ToList();
            }
        }
    }

    /// <summary>Every bpf_link in the kernel, as bpftool lists them.</summary>
    public static string BpftoolLinks() => BpftoolListing.Links(json: false);

    /// <summary>Asserts that no qdisc we create, no filter, no XDP program and no link of <paramref name="programNames"/> is on the interface.</summary>
    public static void AssertNothingAttached(string ns, string interfaceName, params string[] programNames)
    {
        Assert.DoesNotContain("clsact", Qdiscs(ns, interfaceName));
        Assert.Equal("", Filters(ns, interfaceName, "ingress").Trim());
        Assert.Equal("", Filters(ns, interfaceName, "egress").Trim());
        Assert.DoesNotContain("xdp", Link(ns, interfaceName));
        var net = BpftoolNet(ns, interfaceName);
        foreach (var name in programNames) Assert.DoesNotContain(name, net);
    }

    /// <summary>Asserts that the namespaces of <paramref name="pair"/> are gone.</summary>
    public static void AssertNamespacesGone(NetworkNamespacePair pair)
    {
        var namespaces = ExternalTool.Run("ip", ["netns", "list"]);
        Assert.DoesNotContain(pair.NamespaceA, namespaces);
        Assert.DoesNotContain(pair.NamespaceB, namespaces);
    }
}
