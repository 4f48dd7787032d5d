using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Inspect.Tests.Commands;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Assemblies;

/// <summary><c>sharp-bpf dump ASSEMBLY [--program NAME]</c>: the objects an assembly embeds, each program's instructions under its C# lines.</summary>
public sealed class DumpCommandTests
{
    static (int Exit, string Stdout, string Stderr) Dump(string path, string? program = null) =>
        KernelObjects.Capture((stdout, stderr) => DumpCommand.Execute(path, program, stdout, stderr));

    const string CounterDump = """
        Probes.Counter: 2 programs, 1 map, license "GPL"

        program count: xdp, section xdp
        <count>:
        ; /src/Probes/Counter.cs:12
        ; uint key = ctx.IngressIfindex;
               0:	61 11 0c 00 00 00 00 00	w1 = *(u32 *)(r1 + 0xc)
               1:	63 1a fc ff 00 00 00 00	*(u32 *)(r10 - 0x4) = w1
        ; /src/Probes/Counter.cs:13
        ; ref ulong slot = ref Counts.Lookup(key);
               2:	bf a2 00 00 00 00 00 00	r2 = r10
               3:	07 02 00 00 fc ff ff ff	r2 += -0x4
               4:	18 11 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = map[counts] ll
               6:	85 00 00 00 01 00 00 00	call 0x1
        ; /src/Probes/Counter.cs:14
        ; if (!Unsafe.IsNullRef(ref slot)) Bump(ref slot);
               7:	15 00 02 00 00 00 00 00	if r0 == 0x0 goto +0x2
               8:	bf 01 00 00 00 00 00 00	r1 = r0
               9:	85 10 00 00 02 00 00 00	call 0x2
        ; /src/Probes/Counter.cs:15
        ; return XdpAction.Pass;
              10:	b7 00 00 00 02 00 00 00	r0 = 0x2
              11:	95 00 00 00 00 00 00 00	exit

        <bump>:
        ; /src/Probes/Counter.cs:20
        ; static int Bump(ref ulong slot) { slot++; return 0; }
              12:	79 12 00 00 00 00 00 00	r2 = *(u64 *)(r1 + 0x0)
              13:	07 02 00 00 01 00 00 00	r2 += 0x1
              14:	7b 21 00 00 00 00 00 00	*(u64 *)(r1 + 0x0) = r2
              15:	b7 00 00 00 00 00 00 00	r0 = 0x0
              16:	95 00 00 00 00 00 00 00	exit

        program keep: socket_filter, section socket
        <keep>:
        ; /src/Probes/Counter.cs:25
        ; [SocketFilter] public static int Keep(SkBuff skb) => 42;
               0:	b7 00 00 00 2a 00 00 00	r0 = 0x2a
               1:	95 00 00 00 00 00 00 00	exit

        """;

    const string FilterDump = """
        Probes.Filters.Filter: 1 program, 1 map, license "Dual MIT/GPL"

        program filter: socket_filter, section socket
        <filter>:
        ; /src/Probes/Filters/Filter.cs:7
        ; [SocketFilter] public static int Filter(SkBuff skb) => SnapLength;
               0:	18 21 00 00 00 00 00 00 00 00 00 00 04 00 00 00	r1 = map[.rodata][0]+0x4 ll
               2:	61 10 00 00 00 00 00 00	w0 = *(u32 *)(r1 + 0x0)
               3:	95 00 00 00 00 00 00 00	exit

        """;

    [Fact]
    public void Dumps_every_embedded_object_with_each_program_under_its_csharp_lines()
    {
        var (exit, stdout, stderr) = Dump(EmbeddingAssemblies.Probes);

        Assert.Equal("", stderr);
        Assert.Equal(DumpCommand.Success, exit);
        Assert.Equal(CounterDump + "\n" + FilterDump, stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Program_option_prints_only_that_program_under_its_object()
    {
        var (exit, stdout, _) = Dump(EmbeddingAssemblies.Probes, "keep");

        Assert.Equal(DumpCommand.Success, exit);
        Assert.Equal("""
            Probes.Counter: 2 programs, 1 map, license "GPL"

            program keep: socket_filter, section socket
            <keep>:
            ; /src/Probes/Counter.cs:25
            ; [SocketFilter] public static int Keep(SkBuff skb) => 42;
                   0:	b7 00 00 00 2a 00 00 00	r0 = 0x2a
                   1:	95 00 00 00 00 00 00 00	exit

            """, stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_command_line_passes_the_assembly_and_program_to_the_command()
    {
        var result = CliProcess.Run("", "dump", EmbeddingAssemblies.Probes, "--program", "filter");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Equal(FilterDump, result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_unknown_program_is_an_error_that_lists_the_programs_of_each_object()
    {
        var (exit, stdout, stderr) = Dump(EmbeddingAssemblies.Probes, "bump");

        Assert.Equal(DumpCommand.Failure, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"sharp-bpf dump: {EmbeddingAssemblies.Probes}: no program named 'bump'; the programs are: count, keep (in Probes.Counter); filter (in Probes.Filters.Filter)",
            stderr.Trim());
    }

    [Fact]
    public void A_class_whose_object_is_empty_is_reported_and_the_others_still_dumped()
    {
        var path = EmbeddingAssemblies.Compile("Broken", EmbeddingAssemblies.ObjectClass("Probes.Filters", "Filter", EmbeddingAssemblies.FilterObject)
            + "namespace Probes { public static partial class Broken { public static global::System.ReadOnlySpan<byte> ObjectBytes => default; } }");

        var (exit, stdout, stderr) = Dump(path);

        Assert.Equal(DumpCommand.Failure, exit);
        Assert.Equal(FilterDump, stdout.ReplaceLineEndings("\n"));
        Assert.Equal($"sharp-bpf dump: {path}: Probes.Broken: embeds no object: the compiler reported errors for this class (ObjectBytes is empty)", stderr.Trim());
    }

    [Fact]
    public void Bytes_that_are_not_an_ebpf_object_are_reported_with_the_reader_s_reason()
    {
        var path = EmbeddingAssemblies.Compile("Garbage", EmbeddingAssemblies.ObjectClass("Probes", "Garbage", [1, 2, 3, 4, 5]));

        var (exit, _, stderr) = Dump(path);

        Assert.Equal(DumpCommand.Failure, exit);
        Assert.Equal($"sharp-bpf dump: {path}: Probes.Garbage: not an ELF file (no \\x7fELF magic)", stderr.Trim());
    }
}
