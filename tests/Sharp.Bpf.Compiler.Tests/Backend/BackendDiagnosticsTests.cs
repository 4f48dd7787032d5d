using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Resource limits reported as diagnostics at the function's first line: the 512-byte stack (SBPF0200) and ISA v3's
/// 16-bit branch offsets (SBPF0201), which ISA v4 lifts with <c>gotol</c>.</summary>
public class BackendDiagnosticsTests
{
    [Fact]
    public void A_frame_over_512_bytes_is_SBPF0200_naming_the_size_and_the_largest_locals()
    {
        var ir = new IrBuilder("big");
        ir.CurrentLine = ir.Line(12, "var buffer = new Buffer();");
        int buffer = ir.Slot(400, 8, "buffer");
        int other = ir.Slot(120, 8, "header");
        var addresses = new[] { buffer, other }.Select(slot =>
        {
            var address = ir.New();
            ir.Add(new StackAddress(address, slot));
            return (Operand)address;
        }).ToList();
        ir.Add(new StoreStack(buffer, 0, IrBuilder.Imm(0), 8));
        ir.Add(new StoreStack(other, 0, IrBuilder.Imm(0), 8));
        ir.Add(new CallHelper(null, 1, addresses.ToEquatableArray()));
        ir.Return(IrBuilder.Imm(0));
        var result = FunctionCompiler.Compile(ir.Build(), new BackendOptions());
        Assert.Null(result.Function);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SBPF0200", diagnostic.Id);
        Assert.Equal("function 'big' needs a 520-byte stack frame, but eBPF allows 512 bytes; the largest stack objects are 'buffer' (400 bytes), 'header' (120 bytes): make them smaller, or keep large buffers in a per-CPU array map", diagnostic.Argument);
        Assert.Equal(("/src/Probe.cs", 11, 8), (diagnostic.Where!.FilePath, diagnostic.Where.StartLine, diagnostic.Where.StartColumn));
    }

    [Fact]
    public void SBPF0200_counts_spill_slots_that_share_bytes_once()
    {
        var ir = new IrBuilder("spilling");
        int buffer = ir.Slot(480, 8, "buffer");
        var total = ir.Const(0);
        for (int round = 0; round < 4; round++)
        {
            // Twelve values live across a call: more than r6..r9 hold, so some spill, each round its own.
            var values = Enumerable.Range(0, 12).Select(i => ir.Load(ir.Parameter(0), (short)(4 * i), 4)).ToList();
            var address = ir.New();
            ir.Add(new StackAddress(address, buffer));
            ir.Add(new CallHelper(null, 5, new Operand[] { address }.ToEquatableArray()));
            foreach (var value in values) ir.Add(new Binary(BinaryOp.Add, Width.W64, total, total, value));
        }
        ir.Return(total);
        var diagnostic = Assert.Single(FunctionCompiler.Compile(ir.Build(), new BackendOptions()).Diagnostics);
        var match = System.Text.RegularExpressions.Regex.Match(diagnostic.Argument, @"needs a (\d+)-byte stack frame, including (\d+) bytes of spilled registers");
        Assert.True(match.Success, diagnostic.Argument);
        int frame = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int spills = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(frame - 480, spills);
        Assert.True(spills <= 12 * 8, $"{spills} bytes of spills for twelve values at a time");
    }

    /// <summary>Branches over <paramref name="filler"/> additions to the untaken side.</summary>
    static IrFunction FarBranch(int filler)
    {
        var (ir, data) = KernelHarness.CheckedPacket("far", 24);
        var value = ir.Load(data, 0, 8);
        var total = ir.New();
        ir.Add(new Move(total, value));
        int small = ir.NewBlock(), large = ir.NewBlock(), done = ir.NewBlock();
        ir.Branch(Condition.Ult, Width.W64, value, IrBuilder.Imm(100), small, large);
        ir.At(large);
        for (int i = 0; i < filler; i++) ir.Add(new Binary(BinaryOp.Add, Width.W64, total, total, IrBuilder.Imm(1)));
        ir.Jump(done);
        ir.At(small).Add(new Binary(BinaryOp.Mul, Width.W64, total, total, IrBuilder.Imm(2))).Jump(done);
        ir.At(done).Add(new Store(data, 16, total, 8));
        ir.Return(IrBuilder.Imm(0));
        return ir.Build();
    }

    [Fact]
    public void A_branch_beyond_16_bit_offsets_is_SBPF0201_in_ISA_v3()
    {
        var result = FunctionCompiler.Compile(FarBranch(40_000), new BackendOptions());
        Assert.Null(result.Function);
        Assert.Equal("SBPF0201", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void A_branch_beyond_16_bit_offsets_uses_gotol_in_ISA_v4_and_runs()
    {
        Privileged.RequireRoot();
        var compiled = KernelHarness.Compile(FarBranch(40_000), new BackendOptions(IsaV4: true), optimize: false);
        Assert.Contains(compiled.Instructions, i => i.IsLongJump);
        using var collection = KernelHarness.Load([compiled]);
        Assert.Equal(14ul, KernelHarness.RunPacket(collection.Programs["far"], 7, 0));
        Assert.Equal(40_100ul, KernelHarness.RunPacket(collection.Programs["far"], 100, 0));
    }
}
