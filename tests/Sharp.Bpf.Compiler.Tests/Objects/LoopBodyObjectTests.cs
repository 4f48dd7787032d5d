using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>A <c>Bpf.Loop</c> body is a subprogram of the object: in <c>.text</c>, with its own func_info and line_info, and
/// the program's <c>lddw</c> of it links to the body's first instruction, as libbpf links clang's bpf_loop callbacks.</summary>
public class LoopBodyObjectTests
{
    const string Kernel = """
        using Sharp.Bpf.Kernel;
        public struct Sum { public ulong Total; }
        [BpfObject(License = "GPL")]
        public static partial class Probe
        {
            static long AddIndex(uint index, ref Sum sum)
            {
                sum.Total += index;
                return 0;
            }

            [Xdp]
            public static XdpAction Run(XdpMd ctx)
            {
                var sum = new Sum();
                Bpf.Loop(10, AddIndex, ref sum);
                return sum.Total == 45 ? XdpAction.Pass : XdpAction.Drop;
            }
        }
        """;

    static readonly Lazy<ProgramSpec> Linked = new(() =>
    {
        var (result, _, _) = GeneratorHarness.Run(Kernel);
        Assert.Empty(result.Diagnostics);
        return CollectionSpec.Read(GeneratorHarness.ObjectBytes(result)).Programs["Run"];
    });

    /// <summary>The slot the linked program's code-address <c>lddw</c> points at.</summary>
    static uint CallbackSlot()
    {
        var instructions = Linked.Value.Instructions;
        int slot = 0;
        foreach (var instruction in instructions)
        {
            if (instruction is { IsWide: true, LoadImmediateKind: LoadImmediateKind.CodeAddress })
                return (uint)(slot + 1 + instruction.Immediate);
            slot += instruction.SlotCount;
        }
        throw new Xunit.Sdk.XunitException("no lddw of a code address in the linked program");
    }

    [Fact]
    public void Loop_body_has_its_own_func_info_where_the_callback_address_points()
    {
        var infos = Linked.Value.FunctionInfos;
        Assert.Equal(2, infos.Count);
        Assert.Equal(0u, infos[0].InstructionOffset);
        Assert.Equal(CallbackSlot(), infos[1].InstructionOffset);
        Assert.NotEqual(infos[0].TypeId, infos[1].TypeId);
    }

    [Fact]
    public void Loop_bodies_sharing_a_name_are_SBPF0100()
    {
        var diagnostics = GeneratorHarness.CompilerDiagnostics(Kernel.Replace(
            "static long AddIndex(", "static long AddIndex(uint index, ref ulong total) { total += index; return 0; }\n    static long AddIndex(", StringComparison.Ordinal)
            .Replace("return sum.Total == 45", "ulong total = 0; Bpf.Loop(10, AddIndex, ref total); return sum.Total == total", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "SBPF0100" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'AddIndex'", StringComparison.Ordinal));
    }

    [Fact]
    public void Loop_body_starts_with_a_line_of_its_own_source()
    {
        var line = Assert.Single(Linked.Value.LineInfos, l => l.InstructionOffset == CallbackSlot());
        Assert.Contains("sum.Total += index", line.Line, StringComparison.Ordinal);
    }
}
