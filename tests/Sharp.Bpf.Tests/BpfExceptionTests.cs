using Xunit;

namespace Sharp.Bpf.Tests;

/// <summary>Failure messages name the operation and the error, and say what to do about it.</summary>
public sealed class BpfExceptionTests
{
    [Fact]
    public void Permission_error_tells_the_user_to_run_as_root()
    {
        var error = new BpfException("BPF_PROG_LOAD", 1);
        Assert.Equal("EPERM", error.ErrorName);
        Assert.Equal("BPF_PROG_LOAD failed: EPERM (Operation not permitted): needs CAP_BPF/CAP_SYS_ADMIN (run as root); some program types also need CAP_PERFMON or CAP_NET_ADMIN", error.Message);
    }

    [Fact]
    public void Unlisted_error_still_gets_the_C_library_text()
    {
        var error = new BpfException("BPF_MAP_CREATE", 5);
        Assert.Equal("errno 5", error.ErrorName);
        Assert.Equal("BPF_MAP_CREATE failed: errno 5 (Input/output error)", error.Message);
    }

    [Fact]
    public void Kernel_internal_ENOTSUPP_has_a_name_and_a_text()
    {
        var error = new BpfException("BPF_PROG_LOAD", 524);
        Assert.StartsWith("BPF_PROG_LOAD failed: ENOTSUPP (Operation not supported)", error.Message);
    }

    [Fact]
    public void Verifier_exception_names_program_instruction_and_reason()
    {
        var error = new BpfVerifierException("probe", 13, "func#0 @0\n0: R1=ctx() R10=fp0\n0: (95) exit\nR0 !read_ok\nprocessed 1 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n");
        Assert.Equal("the verifier rejected program 'probe' at instruction 0 (exit): R0 !read_ok [EACCES (Permission denied); the whole log is in Log]", error.Message);
        Assert.Equal("BPF_PROG_LOAD", error.Operation);
        Assert.Equal(0, error.InstructionIndex);
        Assert.Equal("exit", error.Instruction);
        Assert.Equal("R0 !read_ok", error.Reason);
    }
}
