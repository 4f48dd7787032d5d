using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;
using static Sharp.Bpf.Tests.Programs.HandBuiltPrograms;

namespace Sharp.Bpf.Tests.Programs;

/// <summary>Program.Load turns a spec into a kernel program: map references patched, names kept, logs on request.</summary>
public sealed class ProgramLoadTests
{
    [Fact]
    public void A_valid_program_loads_with_its_name_type_and_an_open_descriptor()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Returning(XdpPass, "valid"));
        Assert.Equal("valid", program.Name);
        Assert.Equal(ProgramType.Xdp, program.Type);
        Assert.True(program.Fd > 2);
        Assert.Null(program.VerifierLog);
    }

    [Fact]
    public void A_map_reference_is_patched_with_the_resolved_map_descriptor()
    {
        Privileged.RequireRoot();
        using var counters = Map.Create(new MapSpec { Name = "counters", Type = MapType.Array, KeySize = 4, ValueSize = 8, MaxEntries = 1 });
        var spec = Spec("stores_42", ProgramType.Xdp,
            Instruction.Store(MemorySize.Word, Register.R10, -4, 0),
            Instruction.Alu64(AluOperation.Mov, Register.R2, Register.R10),
            Instruction.Alu64(AluOperation.Add, Register.R2, -4),
            Instruction.LoadImmediate64(Register.R1, 0),
            Instruction.CallHelper(MapLookupElementHelper),
            Instruction.Jump(JumpOperation.Jeq, Register.R0, 0, 1),
            Instruction.Store(MemorySize.DoubleWord, Register.R0, 0, 42),
            Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass),
            Instruction.Exit()) with { MapReferences = [new MapReference(3, "counters")] };

        using var program = Program.Load(spec, new ProgramLoadOptions { ResolveMapFd = name => name == "counters" ? counters.Handle.Fd : -1 });
        program.Test(new ProgramTestOptions { Data = EthernetFrame() });

        Assert.Equal(42ul, new ArrayMap<ulong>(counters).Lookup(0));
    }

    [Fact]
    public void A_map_value_reference_points_at_the_value_plus_its_offset()
    {
        Privileged.RequireRoot();
        using var globals = Map.Create(new MapSpec { Name = "globals", Type = MapType.Array, KeySize = 4, ValueSize = 16, MaxEntries = 1 });
        var spec = Spec("stores_global", ProgramType.Xdp,
            Instruction.LoadImmediate64(Register.R1, 0),
            Instruction.Store(MemorySize.DoubleWord, Register.R1, 0, 7),
            Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass),
            Instruction.Exit()) with { MapReferences = [new MapReference(0, "globals", ValueOffset: 8)] };

        using var program = Program.Load(spec, new ProgramLoadOptions { ResolveMapFd = _ => globals.Handle.Fd });
        program.Test(new ProgramTestOptions { Data = EthernetFrame() });

        var value = new ArrayMap<UInt128>(globals).Lookup(0);
        Assert.Equal(7ul, (ulong)(value >> 64));
        Assert.Equal(0ul, (ulong)value);
    }

    [Fact]
    public void A_map_reference_without_a_resolver_is_refused_before_the_call()
    {
        var spec = Returning(XdpPass) with { Instructions = [Instruction.LoadImmediate64(Register.R1, 0), Instruction.Exit()], MapReferences = [new MapReference(0, "events")] };
        var error = Assert.Throws<ArgumentException>(() => Program.Load(spec));
        Assert.Contains("refers to map 'events'", error.Message);
        Assert.Contains(nameof(ProgramLoadOptions.ResolveMapFd), error.Message);
    }

    [Fact]
    public void A_map_reference_that_is_not_an_lddw_is_refused_before_the_call()
    {
        var spec = Returning(XdpPass) with { MapReferences = [new MapReference(1, "events")] };
        var error = Assert.Throws<ArgumentException>(() => Program.Load(spec, new ProgramLoadOptions { ResolveMapFd = _ => 0 }));
        Assert.Contains("at instruction 1, which is not an lddw", error.Message);
    }

    [Fact]
    public void An_empty_program_is_refused_before_the_call()
    {
        var error = Assert.Throws<ArgumentException>(() => Program.Load(Returning(0) with { Instructions = [] }));
        Assert.Contains("has no instructions", error.Message);
    }

    [Fact]
    public void A_long_name_is_cut_to_the_kernels_15_characters_and_kept_whole_in_the_program()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Returning(XdpPass, "a_rather_long_program_name"));
        Assert.Equal("a_rather_long_program_name", program.Name);
        Assert.Equal("a_rather_long_p", program.GetInfo().Name);
    }

    [Fact]
    public void A_requested_log_level_keeps_the_verifier_log_of_a_successful_load()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Returning(XdpPass), new ProgramLoadOptions { LogLevel = 1 });
        Assert.NotNull(program.VerifierLog);
        Assert.Contains("processed 2 insns", program.VerifierLog);
    }

    [Fact]
    public void A_tp_btf_program_gets_the_attach_btf_id_of_its_tracepoint_from_vmlinux()
    {
        Privileged.RequireRoot();
        var spec = Spec("on_switch", ProgramType.Tracing, Instruction.Alu64(AluOperation.Mov, Register.R0, 0), Instruction.Exit())
            with { SectionName = "tp_btf/sched_switch", AttachType = AttachType.TraceRawTracepoint, AttachTo = "sched_switch" };
        Assert.True(KernelBtf.TryGetVmlinux()!.TryFindType("btf_trace_sched_switch", Sharp.Bpf.Btf.BtfKind.Typedef, out uint expected));

        using var program = Program.Load(spec);

        Assert.Equal(expected, program.GetInfo().AttachBtfId);
    }

    [Fact]
    public void A_tp_btf_target_missing_from_vmlinux_says_what_was_looked_for()
    {
        Privileged.RequireRoot();
        var spec = Spec("on_nothing", ProgramType.Tracing, Instruction.Alu64(AluOperation.Mov, Register.R0, 0), Instruction.Exit())
            with { AttachType = AttachType.TraceRawTracepoint, AttachTo = "no_such_tracepoint" };
        var error = Assert.Throws<BpfNotSupportedException>(() => Program.Load(spec));
        Assert.Contains("'btf_trace_no_such_tracepoint'", error.Message);
        Assert.Contains("/sys/kernel/btf/vmlinux", error.Message);
    }
}
