using Sharp.Bpf.Elf;
using Sharp.Bpf.Flat.Cli;
using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.Flat.Probe;
using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>flat on a kernel that lacks a feature its probe needs. This machine's kernel has them all, so the session the
/// runner starts fails the way an older kernel makes the loader fail: with a <see cref="BpfNotSupportedException"/>, from
/// loading or from the egress attach after the ingress program is on the hook.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class MissingKernelFeatureTests
{
    const int Einval = 22;
    // Loopback: every namespace has it and the host's /sys lists it (flat checks the name there); the attach test uses
    // namespace A's, whose hooks no other test touches.
    const string InterfaceName = "lo";
    static readonly string RunningKernel = Environment.OSVersion.Version.ToString(2);

    [Fact]
    public void A_missing_feature_exits_1_with_one_line_naming_it_and_the_linux_version_that_has_it()
    {
        Privileged.RequireRoot();
        var (exitCode, stderr) = Run(Settings(), (_, _, _, _) => throw new BpfNotSupportedException("BPF_MAP_CREATE", Einval, "ring buffer maps", "5.8"));

        Assert.Equal((FlatRunner.Failed, $"flat: this kernel (Linux {RunningKernel}) lacks ring buffer maps, which flat needs; run flat on Linux 5.8 or later\n"),
            (exitCode, stderr));
    }

    [Fact]
    public void A_missing_feature_of_unknown_version_exits_1_naming_the_feature()
    {
        Privileged.RequireRoot();
        var (exitCode, stderr) = Run(Settings(), (_, _, _, _) => throw new BpfNotSupportedException("BPF_PROG_LOAD", Einval, "program type SchedClassifier", null));

        Assert.Equal((FlatRunner.Failed, $"flat: this kernel (Linux {RunningKernel}) lacks program type SchedClassifier, which flat needs\n"), (exitCode, stderr));
    }

    [Fact]
    public void A_missing_feature_at_the_egress_attach_leaves_nothing_attached()
    {
        Privileged.RequireRoot();
        using var pair = new NetworkNamespacePair();
        var qdiscsBefore = TcHooks.QdiscKinds(pair.NamespaceA, InterfaceName);
        (uint, uint) attachedWhenEgressFailed = default;
        var (exitCode, _) = pair.RunInA(() => Run(Settings() with { Attach = TcAttachMethod.Tcx }, (spec, filter, name, method) =>
            FlatSession.Start(spec, filter, (program, direction) =>
            {
                if (direction == TcDirection.Ingress) return Tc.Attach(program, name, direction, new TcAttachOptions { Method = method });
                attachedWhenEgressFailed = TcHooks.TcxPrograms(pair.NamespaceA, InterfaceName);
                throw new BpfNotSupportedException("BPF_LINK_CREATE", Einval, "TCX links", "6.6");
            })));

        Assert.Equal((1u, 0u), attachedWhenEgressFailed);
        Assert.Equal(FlatRunner.Failed, exitCode);
        Assert.Equal((0u, 0u), TcHooks.TcxPrograms(pair.NamespaceA, InterfaceName));
        Assert.Equal(qdiscsBefore, TcHooks.QdiscKinds(pair.NamespaceA, InterfaceName));
    }

    static FlatSettings Settings() => new(InterfaceName, null, null, Json: false, Summary: false, Duration: null);

    static (int ExitCode, string Stderr) Run(FlatSettings settings, Func<CollectionSpec, FlowFilter, string, TcAttachMethod, FlatSession> startSession)
    {
        var stderr = new StringWriter();
        var exitCode = new FlatRunner(TextWriter.Null, stderr, TimeProvider.System, startSession).Run(settings, ProbeObject.Read, CancellationToken.None);
        return (exitCode, stderr.ToString());
    }
}
