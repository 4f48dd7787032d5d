using Sharp.Bpf.Asm;
using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests;

/// <summary>Programs in the running kernel: load, verifier failures with the whole log, and test runs.</summary>
public sealed class KernelProgramTests
{
    const int XdpPass = 2;
    static readonly byte[] Packet = new byte[14];

    static byte[] Encode(params Instruction[] instructions) => InstructionEncoder.Encode(instructions);

    static KernelProgram LoadXdp(byte[] instructions, string name = "test") =>
        KernelProgram.Load(ProgramType.Xdp, instructions, "GPL", name, AttachType.Xdp);

    [Fact]
    public void Valid_program_loads_and_holds_an_open_descriptor()
    {
        Privileged.RequireRoot();
        using var program = LoadXdp(Encode(Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass), Instruction.Exit()));
        Assert.False(program.Handle.IsInvalid);
        Assert.Equal("test", program.Name);
    }

    [Fact]
    public void Test_run_returns_the_programs_return_value()
    {
        Privileged.RequireRoot();
        using var program = LoadXdp(Encode(Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass), Instruction.Exit()));
        var run = program.TestRun(Packet, dataOutCapacity: Packet.Length);
        Assert.Equal((uint)XdpPass, run.ReturnValue);
    }

    [Fact]
    public void Test_run_returns_the_packet_as_the_program_left_it()
    {
        Privileged.RequireRoot();
        using var program = LoadXdp(Encode(
            Instruction.Load(MemorySize.Word, Register.R2, Register.R1, 0),
            Instruction.Load(MemorySize.Word, Register.R3, Register.R1, 4),
            Instruction.Alu64(AluOperation.Mov, Register.R4, Register.R2),
            Instruction.Alu64(AluOperation.Add, Register.R4, 1),
            Instruction.Jump(JumpOperation.Jgt, Register.R4, Register.R3, 1),
            Instruction.Store(MemorySize.Byte, Register.R2, 0, 0x5a),
            Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass),
            Instruction.Exit()));
        var run = program.TestRun(Packet, dataOutCapacity: Packet.Length);
        Assert.Equal([0x5a, .. new byte[13]], run.DataOut);
    }

    [Fact]
    public void Reading_uninitialised_r0_is_rejected_with_the_instruction_and_the_kernels_reason()
    {
        Privileged.RequireRoot();
        var error = Assert.Throws<BpfVerifierException>(() => LoadXdp(Encode(Instruction.Exit()), "uninit_r0"));
        Assert.Equal(Errno.EACCES, error.Errno);
        Assert.Equal(0, error.InstructionIndex);
        Assert.Equal("exit", error.Instruction);
        Assert.Equal("R0 !read_ok", error.Reason);
        Assert.Contains("program 'uninit_r0' at instruction 0 (exit): R0 !read_ok", error.Message);
        Assert.Contains("0: (95) exit", error.Log);
    }

    [Fact]
    public void Verifier_log_longer_than_the_first_buffer_is_kept_whole()
    {
        Privileged.RequireRoot();
        // Each walked instruction adds a line to a level-1 log, so this many overflow the first buffer.
        var body = Enumerable.Repeat(Instruction.Alu64(AluOperation.Mov, Register.R0, 0), 6000);
        var error = Assert.Throws<BpfVerifierException>(() => LoadXdp(InstructionEncoder.Encode([.. body, Instruction.Alu64(AluOperation.Mov, Register.R0, Register.R9), Instruction.Exit()])));
        Assert.True(error.Log.Length > KernelProgram.InitialLogSize, $"log is {error.Log.Length} bytes");
        Assert.StartsWith("0: R1=ctx() R10=fp0\n0: (b7) r0 = 0", error.Log);
        Assert.Equal(6000, error.InstructionIndex);
        Assert.Equal("R9 !read_ok", error.Reason);
    }

    [Fact]
    public void Instructions_that_are_not_whole_slots_are_refused_before_the_call()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadXdp([0x95, 0, 0, 0]));
        Assert.Contains("4 bytes", error.Message);
    }
}
