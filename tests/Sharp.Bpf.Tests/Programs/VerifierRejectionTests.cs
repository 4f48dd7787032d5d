using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;
using static Sharp.Bpf.Tests.Programs.HandBuiltPrograms;

namespace Sharp.Bpf.Tests.Programs;

/// <summary>A verifier rejection throws BpfVerifierException naming the program, the failing instruction, its source line
/// and the reason, with the whole log.</summary>
public sealed class VerifierRejectionTests
{
    /// <summary><c>r0 = *(u8 *)(r1 + 0)</c> in XDP reads the context without bounds, which the verifier refuses at slot 2.</summary>
    static ProgramSpec ReadsPacketWithoutBoundsCheck() => Spec("unchecked_read", ProgramType.Xdp,
        Instruction.Load(MemorySize.Word, Register.R2, Register.R1, 0),
        Instruction.Alu64(AluOperation.Mov, Register.R0, XdpPass),
        Instruction.Load(MemorySize.Byte, Register.R0, Register.R2, 0),
        Instruction.Exit());

    static ProgramLineInfo Line(uint slot, uint number, string text) => new(slot, 0, 0, "probe.c", text, number, 5);

    [Fact]
    public void Reading_uninitialised_r0_is_rejected_with_the_instruction_and_the_kernels_reason()
    {
        Privileged.RequireRoot();
        var error = Assert.Throws<BpfVerifierException>(() => Program.Load(Spec("uninit_r0", ProgramType.Xdp, Instruction.Exit())));
        Assert.Equal(Errno.EACCES, error.Errno);
        Assert.Equal(0, error.InstructionIndex);
        Assert.Equal("exit", error.Instruction);
        Assert.Equal("R0 !read_ok", error.Reason);
        Assert.Contains("program 'uninit_r0' at instruction 0 (exit): R0 !read_ok", error.Message);
        Assert.Contains("0: (95) exit", error.Log);
    }

    [Fact]
    public void A_verifier_log_longer_than_the_first_buffer_is_kept_whole()
    {
        Privileged.RequireRoot();
        // Each walked instruction adds a line to a level-1 log, so this many overflow the first buffer.
        var body = Enumerable.Repeat(Instruction.Alu64(AluOperation.Mov, Register.R0, 0), 6000);
        var spec = Spec("long_log", ProgramType.Xdp, [.. body, Instruction.Alu64(AluOperation.Mov, Register.R0, Register.R9), Instruction.Exit()]);

        var error = Assert.Throws<BpfVerifierException>(() => Program.Load(spec));

        Assert.True(error.Log.Length > ProgramLoader.InitialLogSize, $"log is {error.Log.Length} bytes");
        Assert.StartsWith("0: R1=ctx() R10=fp0\n0: (b7) r0 = 0", error.Log);
        Assert.Equal(6000, error.InstructionIndex);
        Assert.Equal("R9 !read_ok", error.Reason);
    }

    [Fact]
    public void With_line_info_the_message_names_the_source_line_at_or_before_the_failing_instruction()
    {
        Privileged.RequireRoot();
        var spec = ReadsPacketWithoutBoundsCheck() with
        {
            LineInfos = [Line(0, 10, "void *data = (void *)(long)ctx->data;"), Line(2, 12, "    return *(char *)data;"), Line(3, 13, "}")],
        };

        var error = Assert.Throws<BpfVerifierException>(() => Program.Load(spec));

        Assert.Equal(2, error.InstructionIndex);
        Assert.Equal(12u, error.SourceLine?.LineNumber);
        Assert.Contains("at instruction 2 (r0 = *(u8 *)(r2 +0)) from probe.c:12 \"return *(char *)data;\"", error.Message);
        Assert.Contains("invalid access to packet", error.Message);
    }

    [Fact]
    public void The_nearest_earlier_line_is_named_when_the_failing_instruction_has_none_of_its_own()
    {
        var error = new BpfVerifierException("p", Errno.EACCES, "5: (95) exit\nR0 !read_ok",
            [Line(0, 1, "first"), Line(3, 7, "seventh"), Line(6, 9, "ninth")]);
        Assert.Equal(7u, error.SourceLine?.LineNumber);
        Assert.Contains("from probe.c:7 \"seventh\": R0 !read_ok", error.Message);
    }

    [Fact]
    public void Without_line_info_the_message_names_no_source()
    {
        var error = new BpfVerifierException("p", Errno.EACCES, "5: (95) exit\nR0 !read_ok");
        Assert.Null(error.SourceLine);
        Assert.Contains("at instruction 5 (exit): R0 !read_ok", error.Message);
    }
}
