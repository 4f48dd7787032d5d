using System.Diagnostics;
using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary><c>sharp-bpf disasm</c>: base16 on stdin or an ELF object → llvm-objdump-style listing.</summary>
public sealed class DisasmCommandTests
{
    static (int Exit, string Stdout, string Stderr) Disasm(string stdin, string? path = null,
        DisassemblySyntax syntax = DisassemblySyntax.Llvm, bool showRawBytes = true, bool showAddresses = true)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter();
        int exit = DisasmCommand.Execute(new StringReader(stdin), stdout, stderr, path, syntax, showRawBytes, showAddresses);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Lists_base16_stdin_in_llvm_syntax()
    {
        var (exit, stdout, stderr) = Disasm("b7000000 01000000\n 18210000 03000000 00000000 00000000\n95000000 00000000\n");
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal(
            "       0:\tb7 00 00 00 01 00 00 00\tr0 = 0x1\n" +
            "       1:\t18 21 00 00 03 00 00 00 00 00 00 00 00 00 00 00\tld_pseudo\tr1, 0x2, 0x3\n" +
            "       3:\t95 00 00 00 00 00 00 00\texit\n", stdout);
    }

    [Fact]
    public void Lists_bare_ubpf_text_that_asm_reads_back()
    {
        var (exit, stdout, _) = Disasm("b70000002a000000 6120040000000000 95000000 00000000", syntax: DisassemblySyntax.Ubpf, showRawBytes: false, showAddresses: false);
        Assert.Equal(0, exit);
        Assert.Equal("\tmov %r0, 42\n\tldxw %r0, [%r2+4]\n\texit\n", stdout);
        var bytes = new StringWriter();
        Assert.Equal(0, AsmCommand.Execute(new StringReader(stdout), bytes, TextWriter.Null));
        Assert.Equal("b70000002a000000612004000000000095000000" + "00000000", bytes.ToString().Trim());
    }

    [Theory]
    [InlineData("b7 00 00 0x", "sharp-bpf disasm: stdin: base16: 'x' at character 10 is not a hex digit")]
    [InlineData("b700000001000000 950000000000", "sharp-bpf disasm: stdin: at byte offset 8 (instruction 1): truncated instruction: 6 byte(s) left, need 8")]
    [InlineData("1800000001000000", "sharp-bpf disasm: stdin: at byte offset 0 (instruction 0): lddw is missing its second slot")]
    [InlineData("b700000001000000 ff00000000000000", "sharp-bpf disasm: stdin: at byte offset 8 (instruction 1): ")]
    public void Bad_stdin_exits_1_with_the_position(string stdin, string message)
    {
        var (exit, stdout, stderr) = Disasm(stdin);
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.StartsWith(message, stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_or_foreign_files_exit_1_with_the_reason()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"sharp-bpf-missing-{Guid.NewGuid():n}.o");
        var (exit, stdout, stderr) = Disasm("", missing);
        Assert.Equal((1, ""), (exit, stdout));
        Assert.StartsWith($"sharp-bpf disasm: {missing}: ", stderr, StringComparison.Ordinal);

        (exit, stdout, stderr) = Disasm("", "/bin/true");
        Assert.Equal((1, ""), (exit, stdout));
        Assert.Equal("sharp-bpf disasm: /bin/true: ELF machine is 62, not EM_BPF (247); this is not an eBPF object", stderr.Trim());

        var text = Path.GetTempFileName();
        try
        {
            File.WriteAllText(text, "not an object");
            (exit, _, stderr) = Disasm("", text);
            Assert.Equal(1, exit);
            Assert.Equal($"sharp-bpf disasm: {text}: not an ELF file (no \\x7fELF magic)", stderr.Trim());
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Fact]
    public void Object_listing_equals_llvm_objdump()
    {
        var directory = Directory.CreateTempSubdirectory("sharp-bpf-disasm-");
        try
        {
            var source = Path.Combine(directory.FullName, "prog.c");
            var obj = Path.Combine(directory.FullName, "prog.o");
            File.WriteAllText(source, """
                #include <linux/bpf.h>
                #include <bpf/bpf_helpers.h>
                static __attribute__((noinline)) int twice(int x) { return x * 2; }
                SEC("xdp") int prog(struct xdp_md *ctx)
                {
                    void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
                    if (data + 14 > end) return XDP_PASS;
                    return twice(*(unsigned char *)data) > 10 ? XDP_DROP : XDP_PASS;
                }
                char LICENSE[] SEC("license") = "GPL";
                """);
            ExternalTool.Run("clang-19", ["-O2", "-g", "-target", "bpf", "-mcpu=v4", "-I/usr/include/x86_64-linux-gnu", "-c", source, "-o", obj]);
            var expected = ExternalTool.Run("llvm-objdump-19", ["-d", "--mcpu=v4", obj]);

            var (exit, stdout, stderr) = Disasm("", obj);
            Assert.Equal((0, ""), (exit, stderr));
            Assert.Equal(expected, stdout);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

}
