using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>End to end: probes reading <c>PtRegs</c> fields, taken by value, <c>in</c> or as a pointer, and a raw
/// tracepoint reading <c>RawTracepointArguments</c> through a pointer, pass the kernel's verifier.</summary>
public class ProbeContextLoadTests
{
    const string Source = """
        using Sharp.Bpf.Kernel;

        [BpfObject(License = "GPL")]
        public static unsafe partial class Probe
        {
            static readonly HashMap<ulong, ulong> Seen = new(64);

            [Kprobe("do_unlinkat")]
            public static int ByValue(PtRegs regs) { Seen.Update(regs.Rdi, regs.Rsp + regs.OrigRax); return 0; }

            [Uprobe("/bin/true", "main")]
            public static int ByReference(in PtRegs regs) { Seen.Update(regs.Arg(1), regs.Rip); return 0; }

            [Uretprobe("/bin/true", "main")]
            public static int ByPointer(PtRegs* regs) { Seen.Update(regs->ReturnValue, regs->Rsp); return 0; }

            [RawTracepoint("sys_exit")]
            public static int Arguments(RawTracepointArguments* args) { Seen.Update(args->Arg1, args->Arg0); return 0; }
        }
        """;

    [Fact]
    public void Every_context_form_passes_the_verifier()
    {
        Privileged.RequireRoot();
        Assert.Empty(GeneratorHarness.CompilerDiagnostics(Source));
        var (result, _, diagnostics) = GeneratorHarness.Run(Source);
        Assert.Empty(diagnostics);

        using var collection = Collection.Load(CollectionSpec.Read(GeneratorHarness.ObjectBytes(result)));

        Assert.Equal(["Arguments", "ByPointer", "ByReference", "ByValue"], collection.Programs.Keys.Order());
    }
}
