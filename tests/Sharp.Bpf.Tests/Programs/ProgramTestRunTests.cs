using System.Buffers.Binary;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;
using static Sharp.Bpf.Tests.Programs.HandBuiltPrograms;

namespace Sharp.Bpf.Tests.Programs;

/// <summary>Program.Test runs a loaded program with BPF_PROG_TEST_RUN and reports what it did.</summary>
public sealed class ProgramTestRunTests
{
    /// <summary>sizeof(struct __sk_buff), and the offset of its <c>mark</c>.</summary>
    const int SkBuffSize = 192, SkBuffMarkOffset = 8;

    [Fact]
    public void The_result_carries_the_programs_return_value()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Returning(XdpPass));
        Assert.Equal((uint)XdpPass, program.Test(new ProgramTestOptions { Data = EthernetFrame() }).ReturnValue);
    }

    [Fact]
    public void The_result_carries_the_packet_as_the_program_left_it()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Spec("writes_packet", ProgramType.Xdp,
            Instruction.Load(MemorySize.Word, Register.R2, Register.R1, 0),
            Instruction.Load(MemorySize.Word, Register.R3, Register.R1, 4),
            Instruction.Alu64(AluOperation.Mov, Register.R4, Register.R2),
            Instruction.Alu64(AluOperation.Add, Register.R4, 1),
            Instruction.Jump(JumpOperation.Jgt, Register.R4, Register.R3, 1),
            Instruction.Store(MemorySize.Byte, Register.R2, 0, 0x5a),
            Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass),
            Instruction.Exit()));

        var result = program.Test(new ProgramTestOptions { Data = EthernetFrame() });

        Assert.Equal([0x5a, .. new byte[13]], result.DataOut);
    }

    [Fact]
    public void No_data_out_capacity_skips_copying_the_packet_back()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Returning(XdpPass));
        Assert.Empty(program.Test(new ProgramTestOptions { Data = EthernetFrame(), DataOutCapacity = 0 }).DataOut);
    }

    [Fact]
    public void Repeat_runs_the_program_that_many_times_and_reports_a_mean_duration()
    {
        Privileged.RequireRoot();
        using var runs = Map.Create(new MapSpec { Name = "runs", Type = MapType.Array, KeySize = 4, ValueSize = 8, MaxEntries = 1 });
        var spec = Spec("counts_runs", ProgramType.Xdp,
            Instruction.Store(MemorySize.Word, Register.R10, -4, 0),
            Instruction.Alu64(AluOperation.Mov, Register.R2, Register.R10),
            Instruction.Alu64(AluOperation.Add, Register.R2, -4),
            Instruction.LoadImmediate64(Register.R1, 0),
            Instruction.CallHelper(MapLookupElementHelper),
            Instruction.Jump(JumpOperation.Jeq, Register.R0, 0, 2),
            Instruction.Alu64(AluOperation.Mov, Register.R1, 1),
            Instruction.Atomic(AtomicOperation.Add, MemorySize.DoubleWord, Register.R0, 0, Register.R1),
            Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass),
            Instruction.Exit()) with { MapReferences = [new MapReference(3, "runs")] };
        using var program = Program.Load(spec, new ProgramLoadOptions { ResolveMapFd = _ => runs.Handle.Fd });

        var result = program.Test(new ProgramTestOptions { Data = EthernetFrame(), Repeat = 1000 });

        Assert.Equal(1000ul, new ArrayMap<ulong>(runs).Lookup(0));
        Assert.True(result.DurationNanoseconds > 0, "the kernel reports the mean duration of the runs");
    }

    [Fact]
    public void A_context_goes_in_and_comes_back_out()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Spec("returns_mark", ProgramType.SchedClassifier,
            Instruction.Load(MemorySize.Word, Register.R0, Register.R1, SkBuffMarkOffset),
            Instruction.Exit()));
        var context = new byte[SkBuffSize];
        BinaryPrimitives.WriteUInt32LittleEndian(context.AsSpan(SkBuffMarkOffset), 0x1234);

        var result = program.Test(new ProgramTestOptions { Data = EthernetFrame(), Context = context });

        Assert.Equal(0x1234u, result.ReturnValue);
        Assert.Equal(SkBuffSize, result.ContextOut.Length);
        Assert.Equal(0x1234u, BinaryPrimitives.ReadUInt32LittleEndian(result.ContextOut.AsSpan(SkBuffMarkOffset)));
    }

    [Fact]
    public void Input_the_kernel_will_not_run_on_is_reported_with_the_operation()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Returning(XdpPass));
        var error = Assert.Throws<BpfException>(() => program.Test(new ProgramTestOptions { Data = new byte[4] }));
        Assert.Equal("BPF_PROG_TEST_RUN", error.Operation);
        Assert.Equal("EINVAL", error.ErrorName);
    }

    [Fact]
    public void A_disposed_program_cannot_run()
    {
        Privileged.RequireRoot();
        var program = Program.Load(Returning(XdpPass));
        program.Dispose();
        Assert.Throws<ObjectDisposedException>(() => program.Test(new ProgramTestOptions { Data = EthernetFrame() }));
    }
}
