using Sharp.Bpf.Elf;
using Sharp.Bpf.Kernel;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>The compiler's reading of a program attribute agrees with the Kernel attribute's own <c>SectionName</c>,
/// <c>ProgramType</c> and <c>ExpectedAttachType</c>, for every program attribute the Kernel defines; and the loader
/// reads the section back as the same program type.</summary>
public class ProgramDeclarationsTests
{
    /// <summary>Each attribute as written in kernel code, and the same attribute constructed in managed code.</summary>
    static readonly (string Usage, ProgramAttribute Attribute)[] Table =
    [
        ("[Xdp]", new XdpAttribute()),
        ("[Xdp(Frags = true)]", new XdpAttribute { Frags = true }),
        ("[Tc]", new TcAttribute()),
        ("[Tcx(TrafficDirection.Ingress)]", new TcxAttribute(TrafficDirection.Ingress)),
        ("[Tcx(TrafficDirection.Egress)]", new TcxAttribute(TrafficDirection.Egress)),
        ("[SocketFilter]", new SocketFilterAttribute()),
        ("[Tracepoint(\"syscalls\", \"sys_enter_openat\")]", new TracepointAttribute("syscalls", "sys_enter_openat")),
        ("[RawTracepoint(\"sched_switch\")]", new RawTracepointAttribute("sched_switch")),
        ("[TracepointBtf(\"sched_switch\")]", new TracepointBtfAttribute("sched_switch")),
        ("[Kprobe(\"do_sys_openat2\")]", new KprobeAttribute("do_sys_openat2")),
        ("[Kprobe(\"do_sys_openat2\", Offset = 8)]", new KprobeAttribute("do_sys_openat2") { Offset = 8 }),
        ("[Kretprobe(\"do_sys_openat2\")]", new KretprobeAttribute("do_sys_openat2")),
        ("[Uprobe(\"/bin/bash\", \"readline\")]", new UprobeAttribute("/bin/bash", "readline")),
        ("[Uprobe(\"/bin/bash\", \"readline\", Offset = 16, Sleepable = true)]", new UprobeAttribute("/bin/bash", "readline") { Offset = 16, Sleepable = true }),
        ("[Uretprobe(\"/bin/bash\", \"readline\")]", new UretprobeAttribute("/bin/bash", "readline")),
        ("[Uretprobe(\"/bin/bash\", \"readline\", Sleepable = true)]", new UretprobeAttribute("/bin/bash", "readline") { Sleepable = true }),
        ("[CgroupSkb(TrafficDirection.Ingress)]", new CgroupSkbAttribute(TrafficDirection.Ingress)),
        ("[CgroupSkb(TrafficDirection.Egress)]", new CgroupSkbAttribute(TrafficDirection.Egress)),
        ("[CgroupSock(CgroupSockHook.Create)]", new CgroupSockAttribute(CgroupSockHook.Create)),
        ("[CgroupSock(CgroupSockHook.Release)]", new CgroupSockAttribute(CgroupSockHook.Release)),
        ("[CgroupSock(CgroupSockHook.PostBind4)]", new CgroupSockAttribute(CgroupSockHook.PostBind4)),
        ("[CgroupSock(CgroupSockHook.PostBind6)]", new CgroupSockAttribute(CgroupSockHook.PostBind6)),
        ("[PerfEvent]", new PerfEventAttribute()),
    ];

    public static TheoryData<int> Rows => [.. Enumerable.Range(0, Table.Length)];

    static string Kernel(IEnumerable<(string Usage, int Index)> programs) =>
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\npublic static partial class Probe\n{\n"
        + string.Concat(programs.Select(p => $"    {p.Usage} public static int P{p.Index}() => 0;\n"))
        + "}\n";

    [Theory]
    [MemberData(nameof(Rows))]
    public void Declaration_agrees_with_the_Kernel_attribute(int row)
    {
        var (usage, attribute) = Table[row];
        var model = GeneratorHarness.Model(Kernel([(usage, 0)]));
        Assert.Empty(model.Diagnostics);
        var declaration = Assert.Single(model.Programs).Declaration;
        Assert.Equal(attribute.SectionName, declaration.SectionName);
        Assert.Equal(attribute.ProgramType, declaration.ProgramType);
        Assert.Equal(attribute.ExpectedAttachType, declaration.ExpectedAttachType);
        Assert.Equal(attribute.GetType().Name[..^"Attribute".Length], declaration.Kind);
    }

    [Fact]
    public void Every_Kernel_program_attribute_is_in_the_table()
    {
        var kernelAttributes = typeof(ProgramAttribute).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(ProgramAttribute)) && !type.IsAbstract)
            .Select(type => type.Name);
        Assert.Empty(kernelAttributes.Except(Table.Select(row => row.Attribute.GetType().Name)));
    }

    [Fact]
    public void Loader_reads_each_section_back_as_the_attribute_program_type()
    {
        var (result, _, _) = GeneratorHarness.Run(Kernel(Table.Select((row, index) => (row.Usage, index))));
        Assert.Empty(result.Diagnostics);
        var spec = CollectionSpec.Read(GeneratorHarness.ObjectBytes(result));
        for (int i = 0; i < Table.Length; i++)
        {
            var program = spec.Programs[$"P{i}"];
            Assert.Equal(Table[i].Attribute.SectionName, program.SectionName);
            Assert.Equal(Table[i].Attribute.ProgramType, program.Type);
            if (Table[i].Attribute.ExpectedAttachType != 0)
                Assert.Equal(Table[i].Attribute.ExpectedAttachType, program.AttachType);
        }
    }

    [Fact]
    public void Attribute_arguments_are_kept_for_the_bindings()
    {
        var model = GeneratorHarness.Model(Kernel([("[Uprobe(\"/bin/bash\", \"readline\", Offset = 16)]", 0)]));
        var declaration = Assert.Single(model.Programs).Declaration;
        Assert.Equal("/bin/bash", declaration.Argument("Binary"));
        Assert.Equal("readline", declaration.Argument("Symbol"));
        Assert.Equal("16", declaration.Argument("Offset"));
        Assert.Equal("False", declaration.Argument("Sleepable"));
    }
}
