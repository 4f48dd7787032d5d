using Sharp.Bpf.Kernel;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>End to end: <see cref="SyscallExitClassifier"/>'s <c>in</c> struct context is read at its fields' offsets, and a
/// raw tracepoint test run on given arguments returns what the same method returns as managed code.</summary>
public class SyscallExitClassifierTests
{
    public static TheoryData<string, ulong, long> Arguments => new()
    {
        // description, args[0], args[1]
        { "small return value", 0x3, 42 },
        { "large return value", 0xFFFF_8880_0000_000A, 1L << 40 | 0x12345 },
        { "failed syscall", 0x7, -9 },
        { "zero arguments", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Arguments))]
    public void Test_run_matches_managed_execution(string description, ulong registers, long returnValue)
    {
        Privileged.RequireRoot();
        var arguments = new SyscallExitArguments { Registers = registers, ReturnValue = (ulong)returnValue };
        var context = new byte[16];
        BitConverter.TryWriteBytes(context.AsSpan(0, 8), registers);
        BitConverter.TryWriteBytes(context.AsSpan(8, 8), returnValue);
        using var classifier = SyscallExitClassifier.Load();

        var result = classifier.Classify.Test(new ProgramTestOptions { Context = context, ContextOutCapacity = 0, Repeat = 0 });

        Assert.True((uint)SyscallExitClassifier.Classify(in arguments) == result.ReturnValue, description);
    }

    [Theory]
    [MemberData(nameof(Arguments))]
    public unsafe void Shared_arguments_type_reads_the_same_offsets(string description, ulong registers, long returnValue)
    {
        Privileged.RequireRoot();
        var arguments = new RawTracepointArguments { Arg0 = registers, Arg1 = (ulong)returnValue };
        var context = new byte[16];
        BitConverter.TryWriteBytes(context.AsSpan(0, 8), registers);
        BitConverter.TryWriteBytes(context.AsSpan(8, 8), returnValue);
        using var classifier = SyscallExitClassifier.Load();

        var result = classifier.ClassifyArguments.Test(new ProgramTestOptions { Context = context, ContextOutCapacity = 0, Repeat = 0 });

        Assert.True((uint)SyscallExitClassifier.ClassifyArguments(&arguments) == result.ReturnValue, description);
    }
}
