using Xunit;

namespace Sharp.Bpf.Tests;

/// <summary>The reason and the failing instruction are read from the end of a verifier log.</summary>
public sealed class VerifierFailureTests
{
    [Fact]
    public void Failing_instruction_is_the_last_one_the_verifier_printed()
    {
        var failure = VerifierFailure.FromLog("""
            func#0 @0
            0: R1=ctx() R10=fp0
            0: (b7) r0 = 0                        ; R0_w=0
            1: (bf) r1 = r2
            R2 !read_ok
            processed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
            """);
        Assert.Equal(new VerifierFailure("R2 !read_ok", 1, "r1 = r2"), failure);
    }

    [Fact]
    public void Reason_spanning_several_lines_is_joined()
    {
        var failure = VerifierFailure.FromLog("""
            0: (71) r0 = *(u8 *)(r1 +0)
            invalid access to packet, off=0 size=1, R1(id=0,off=0,r=0)
            R1 offset is outside of the packet
            processed 1 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
            """);
        Assert.Equal("invalid access to packet, off=0 size=1, R1(id=0,off=0,r=0); R1 offset is outside of the packet", failure.Reason);
        Assert.Equal(0, failure.InstructionIndex);
    }

    [Fact]
    public void Error_found_before_the_walk_has_no_instruction()
    {
        var failure = VerifierFailure.FromLog("unknown opcode 8d\nprocessed 0 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n");
        Assert.Equal(new VerifierFailure("unknown opcode 8d", null, null), failure);
    }

    [Fact]
    public void Empty_log_gives_no_reason() => Assert.Equal(new VerifierFailure(null, null, null), VerifierFailure.FromLog(""));
}
