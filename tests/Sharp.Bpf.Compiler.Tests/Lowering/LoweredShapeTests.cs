using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>The form of the lowered IR that the backend and the kernel rely on: widths, explicit sign extension, source
/// lines, the context parameter.</summary>
public class LoweredShapeTests
{
    const string Source = """
        using Sharp.Bpf.Kernel;
        public static class Subject
        {
            public static int Lines(int a)
            {
                int b = a * 3;
                if (b > 10)
                    b -= 4;
                return b + 1;
            }
            public static int IntAdd(int a, int b) => a + b;
            public static long LongAdd(long a, long b) => a + b;
            public static long Widen(sbyte a) => a;
            public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;
            public static int SecondIn(in Arguments args) => (int)args.Second;
            public static int SecondByValue(Arguments args) => (int)args.Second;
            public static int SecondRefReadonly(ref readonly Arguments args) => (int)args.Second;
            public static int CopySixteen(XdpMd ctx)
            {
                var packet = ctx.Packet;
                var header = packet.GetRef<Sixteen>(0);
                if (header.IsNull) return 0;
                Sixteen copy = header.Value;
                return copy.B3;
            }
        }
        public struct Arguments { public ulong First; public ulong Second; }
        public struct Sixteen { public byte B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10, B11, B12, B13, B14, B15; }
        """;

    static readonly LoweringHarness Harness = new(Source);

    static IEnumerable<IrInstruction> Instructions(IrFunction function) => function.Blocks.SelectMany(b => b.Instructions);

    [Fact]
    public void Each_statement_has_its_source_line()
    {
        var function = Harness.Function("Lines");
        Assert.All(function.Lines, line => Assert.Equal("/src/Subject.cs", line.FilePath));
        Assert.Contains(function.Lines, line => line is { Line: 6, Column: 13, Text: "int b = a * 3;" });
        Assert.Contains(function.Lines, line => line is { Line: 7, Text: "if (b > 10)" });
        Assert.Contains(function.Lines, line => line is { Line: 8, Text: "b -= 4;" });
        var returns = function.Blocks.Select(b => b.Terminator).OfType<Return>().Single();
        Assert.Equal("return b + 1;", function.Lines[returns.Line].Text);
        Assert.All(Instructions(function), instruction => Assert.InRange(instruction.Line, 0, function.Lines.Count - 1));
    }

    [Fact]
    public void Int_arithmetic_is_32_bit_and_long_arithmetic_64_bit()
    {
        Assert.Equal(Width.W32, Assert.Single(Instructions(Harness.Function("IntAdd")).OfType<Binary>()).Width);
        Assert.Equal(Width.W64, Assert.Single(Instructions(Harness.Function("LongAdd")).OfType<Binary>()).Width);
    }

    [Fact]
    public void Widening_a_signed_byte_is_an_explicit_sign_extension()
    {
        var extend = Assert.Single(Instructions(Harness.Function("Widen")).OfType<Extend>());
        Assert.Equal((8, true), (extend.FromBits, extend.Signed));
    }

    [Fact]
    public void Program_takes_its_context_as_parameter_zero()
    {
        var function = Harness.Function("Pass");
        Assert.Equal(("Pass", 1), (function.Name, function.ParameterCount));
        var ret = Assert.IsType<Return>(function.Blocks[^1].Terminator);
        Assert.Equal(new Imm((long)Sharp.Bpf.Kernel.XdpAction.Pass), ret.Value);
    }

    [Theory]
    [InlineData("SecondIn")]
    [InlineData("SecondByValue")]
    [InlineData("SecondRefReadonly")]
    public void Struct_context_field_is_a_load_at_its_offset_from_parameter_zero(string method)
    {
        var function = Harness.Function(method);
        Assert.Equal(1, function.ParameterCount);
        var load = Assert.Single(Instructions(function).OfType<Load>());
        Assert.Equal((new VReg(0), (short)8, 8), (load.Base, load.Offset, load.Size));
        Assert.Empty(Instructions(function).OfType<Store>());
    }

    [Fact]
    public void A_byte_struct_copied_out_of_the_packet_moves_8_bytes_at_a_time()
    {
        var function = Harness.Function("CopySixteen");
        var packetLoads = Instructions(function).OfType<Load>().Where(load => load.Base != new VReg(0)).ToList();
        Assert.Equal([8, 8], packetLoads.Select(load => load.Size));
        Assert.All(Instructions(function).OfType<StoreStack>().Where(store => store.Value is VReg), store => Assert.Equal(8, store.Size));
    }

    [Fact]
    public void The_packet_data_pointer_is_loaded_marked_non_null_and_its_end_is_not()
    {
        var contextLoads = Instructions(Harness.Function("CopySixteen")).OfType<Load>().Where(load => load.Base == new VReg(0)).ToList();
        Assert.Equal([(0, true), (4, false)], contextLoads.Select(load => ((int)load.Offset, load.NonNull)));
    }
}
