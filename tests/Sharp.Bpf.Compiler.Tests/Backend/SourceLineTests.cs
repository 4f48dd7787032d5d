using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Source lines: one per change of IR line, the first instruction always annotated once any is, and the result
/// accepted by the object writer, the kernel (BTF line_info) and llvm-objdump (DWARF).</summary>
public class SourceLineTests
{
    static IrFunction Annotated()
    {
        var (ir, data) = KernelHarness.CheckedPacket("annotated", 24);
        int first = ir.Line(10, "var a = packet.Read<long>(0);");
        int second = ir.Line(11, "var b = packet.Read<long>(8);");
        int third = ir.Line(12, "packet.Write(16, a + b);");
        ir.CurrentLine = first;
        var a = ir.Load(data, 0, 8);
        ir.CurrentLine = second;
        var b = ir.Load(data, 8, 8);
        ir.CurrentLine = third;
        ir.Add(new Store(data, 16, ir.Op(BinaryOp.Add, Width.W64, a, b), 8));
        ir.Return(IrBuilder.Imm(0));
        return ir.Build();
    }

    [Fact]
    public void A_line_starts_where_the_ir_line_changes_and_the_first_instruction_has_one()
    {
        var compiled = KernelHarness.Compile(Annotated());
        Assert.Equal([(0, 10), (5, 10), (6, 11), (7, 12)], compiled.Lines.Select(l => (l.InstructionIndex, l.Line)));
        Assert.Equal("r3 = *(u64 *)(r2 + 0x8)", compiled.Instructions[6].ToString());
    }

    [Fact]
    public void Annotated_code_loads_into_the_kernel_and_objdump_shows_the_lines()
    {
        Privileged.RequireRoot();
        var bytes = KernelHarness.BuildObject([KernelHarness.Compile(Annotated())]);
        using (var collection = Collection.Load(CollectionSpec.Read(bytes)))
            Assert.Equal(12ul, KernelHarness.RunPacket(collection.Programs["annotated"], 5, 7));
        var path = Path.Combine(Path.GetTempPath(), $"sharp-bpf-lines-{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, bytes);
        try
        {
            var listing = ExternalTool.Run("llvm-objdump-19", ["-d", "-l", path]);
            Assert.Contains("Probe.cs:11", listing);
            Assert.Contains("Probe.cs:12", listing);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
