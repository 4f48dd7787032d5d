using Sharp.Bpf.Asm;
using Sharp.Bpf.Testing;
using Xunit;
using static Sharp.Bpf.Tests.Programs.HandBuiltPrograms;

namespace Sharp.Bpf.Tests.Programs;

/// <summary>Refusals before verification say what is missing: a capability (EPERM) or a kernel feature.</summary>
public sealed class ProgramLoadErrorTests
{
    const Capabilities Everything = Capabilities.Bpf | Capabilities.NetAdmin | Capabilities.Perfmon;

    [Fact]
    public void EPERM_for_a_network_program_names_CAP_NET_ADMIN_when_the_process_lacks_it()
    {
        var message = ProgramPrivileges.DescribeDenial("ingress", ProgramType.Xdp, Capabilities.Bpf, lockdown: null);
        Assert.Contains("BPF_PROG_LOAD of program 'ingress' failed: EPERM", message);
        Assert.Contains("loading a Xdp program needs CAP_BPF and CAP_NET_ADMIN", message);
        Assert.EndsWith("this process lacks CAP_NET_ADMIN", message);
    }

    [Fact]
    public void EPERM_for_a_tracing_program_names_CAP_PERFMON_when_the_process_lacks_it()
    {
        var message = ProgramPrivileges.DescribeDenial("on_switch", ProgramType.Tracepoint, Capabilities.None, lockdown: null);
        Assert.Contains("needs CAP_BPF and CAP_PERFMON", message);
        Assert.EndsWith("this process lacks CAP_BPF and CAP_PERFMON", message);
    }

    [Fact]
    public void CAP_SYS_ADMIN_stands_in_for_every_bpf_capability()
    {
        var message = ProgramPrivileges.DescribeDenial("p", ProgramType.Tracing, Capabilities.SysAdmin, lockdown: null);
        Assert.Contains("this process has them", message);
    }

    [Fact]
    public void EPERM_with_every_capability_held_blames_a_security_module_or_lockdown()
    {
        var message = ProgramPrivileges.DescribeDenial("p", ProgramType.SchedClassifier, Everything, lockdown: "confidentiality");
        Assert.EndsWith("this process has them, so a security module (LSM) or kernel lockdown refused (lockdown: confidentiality)", message);
    }

    [Fact]
    public void A_socket_filter_needs_CAP_BPF_only_when_unprivileged_bpf_is_disabled()
    {
        Assert.Equal(Capabilities.None, ProgramPrivileges.Required(ProgramType.SocketFilter));
        Assert.Equal(Capabilities.Bpf, ProgramPrivileges.Required(ProgramType.SkReuseport));
        Assert.Equal(Capabilities.Bpf | Capabilities.NetAdmin | Capabilities.Perfmon, ProgramPrivileges.Required(ProgramType.Extension));
    }

    [Fact]
    public void A_missing_feature_names_itself_and_the_first_kernel_with_it()
    {
        var error = new BpfNotSupportedException("BPF_PROG_LOAD", 22, "program type Netfilter", ProgramTypeVersions.Minimum(ProgramType.Netfilter));
        Assert.Equal("6.4", error.MinimumKernel);
        Assert.Contains("does not support program type Netfilter; it needs Linux 6.4 or later", error.Message);
        Assert.Contains($"this kernel (Linux {Environment.OSVersion.Version.ToString(2)})", error.Message);
    }

    [Fact]
    public void Every_named_program_type_has_a_minimum_kernel()
    {
        foreach (var type in Enum.GetValues<ProgramType>().Where(t => t != ProgramType.Unspecified))
            Assert.NotNull(ProgramTypeVersions.Minimum(type));
    }

    [Fact]
    public void A_program_type_the_kernel_does_not_know_throws_not_supported()
    {
        Privileged.RequireRoot();
        var spec = Spec("future", (ProgramType)999, Instruction.Alu64(AluOperation.Mov, Register.R0, 0), Instruction.Exit());

        var error = Assert.Throws<BpfNotSupportedException>(() => Program.Load(spec));

        Assert.Equal("program type 999", error.Feature);
        Assert.Null(error.MinimumKernel);
        Assert.Equal("EINVAL", error.ErrorName);
    }

    [Fact]
    public void A_refusal_before_verification_that_is_no_missing_feature_names_the_program_and_the_error()
    {
        Privileged.RequireRoot();
        // prog_flags bit 31 is no flag any kernel defines.
        var spec = Returning(XdpPass, "bad_flags") with { Flags = 1u << 31 };

        var error = Assert.Throws<BpfException>(() => Program.Load(spec));

        Assert.IsNotType<BpfNotSupportedException>(error);
        Assert.Contains("BPF_PROG_LOAD of program 'bad_flags' (Xdp) failed before verification: EINVAL", error.Message);
    }
}
