using Sharp.Bpf.Btf;
using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Compiles hand-built IR with the optimiser and backend, writes it with <see cref="BpfObjectBuilder"/> and loads it into
/// the kernel; tc programs (sched_cls, whose return value is not range-checked) read and write their test packet.</summary>
internal static class KernelHarness
{
    /// <summary><c>__sk_buff</c> field offsets of <c>data</c> and <c>data_end</c>.</summary>
    public const short SkbData = 76, SkbDataEnd = 80;

    public static CompiledFunction Compile(IrFunction function, BackendOptions? options = null, bool optimize = true)
    {
        var result = FunctionCompiler.Compile(optimize ? Optimizer.Optimize(function) : function, options ?? new BackendOptions());
        Assert.Empty(result.Diagnostics);
        return result.Function!;
    }

    public static byte[] BuildObject(IEnumerable<CompiledFunction> programs, IEnumerable<CompiledFunction>? subprograms = null,
        Action<BpfObjectBuilder, uint>? declare = null, string section = "tc")
    {
        var builder = new BpfObjectBuilder("GPL");
        uint intType = builder.AddType(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
        uint voidPointer = builder.AddType(new BtfPointer(0));
        uint prototype = builder.AddType(new BtfFunctionProto(intType, [new BtfParameter("ctx", voidPointer)]));
        declare?.Invoke(builder, intType);
        foreach (var program in programs)
            builder.AddProgram(section, Definition(program, prototype));
        foreach (var subprogram in subprograms ?? [])
        {
            uint longType = builder.AddType(new BtfInt("long", 8, BtfIntEncoding.Signed, 0, 64));
            uint subprototype = builder.AddType(new BtfFunctionProto(longType,
                [new BtfParameter("a", longType), new BtfParameter("b", longType), new BtfParameter("c", longType)]));
            builder.AddSubprogram(Definition(subprogram, subprototype));
        }
        return builder.Build();
    }

    public static FunctionDefinition Definition(CompiledFunction function, uint prototype) =>
        new(function.Name, function.Instructions.AsImmutableArray(), prototype)
        {
            References = function.References.AsImmutableArray(),
            Lines = function.Lines.AsImmutableArray(),
        };

    public static Collection Load(IEnumerable<CompiledFunction> programs, IEnumerable<CompiledFunction>? subprograms = null,
        Action<BpfObjectBuilder, uint>? declare = null, string section = "tc") =>
        Collection.Load(CollectionSpec.Read(BuildObject(programs, subprograms, declare, section)));

    /// <summary>Starts a tc program whose packet must hold <paramref name="bytes"/> bytes: returns the builder positioned in the
    /// block where the check passed, and the data pointer (a short packet returns 1).</summary>
    public static (IrBuilder Builder, VReg Data) CheckedPacket(string name, int bytes)
    {
        var ir = new IrBuilder(name);
        var data = ir.Load(ir.Parameter(0), SkbData, 4);
        var end = ir.Load(ir.Parameter(0), SkbDataEnd, 4);
        var limit = ir.Op(BinaryOp.Add, Width.W64, data, IrBuilder.Imm(bytes));
        int body = ir.NewBlock(), tooShort = ir.NewBlock();
        ir.Branch(Condition.Ugt, Width.W64, limit, end, tooShort, body);
        ir.At(tooShort).Return(IrBuilder.Imm(1));
        ir.At(body);
        return (ir, data);
    }

    /// <summary>Runs a tc program on <paramref name="frame"/>, asserts it returned 0, and gives the packet afterwards.</summary>
    public static byte[] RunFrame(Program program, byte[] frame)
    {
        var result = program.Test(new ProgramTestOptions { Data = frame });
        Assert.Equal(0u, result.ReturnValue);
        return result.DataOut;
    }

    /// <summary>A tc program reading two 64-bit operands from packet bytes 0..15 and writing <paramref name="compute"/>'s
    /// result to bytes 16..23; it returns 1 when the packet is too short (which the tests never send).</summary>
    public static IrFunction PacketFunction(string name, Func<IrBuilder, VReg, VReg, Operand> compute)
    {
        var (ir, data) = CheckedPacket(name, 24);
        var a = ir.Load(data, 0, 8);
        var b = ir.Load(data, 8, 8);
        var result = compute(ir, a, b);
        ir.Add(new Store(data, 16, result, 8));
        ir.Return(IrBuilder.Imm(0));
        return ir.Build();
    }

    /// <summary>Runs a <see cref="PacketFunction"/> program on operands <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static ulong RunPacket(Program program, ulong a, ulong b)
    {
        var frame = new byte[64];
        BitConverter.TryWriteBytes(frame.AsSpan(0), a);
        BitConverter.TryWriteBytes(frame.AsSpan(8), b);
        var result = program.Test(new ProgramTestOptions { Data = frame });
        Assert.Equal(0u, result.ReturnValue);
        return BitConverter.ToUInt64(result.DataOut, 16);
    }
}
