using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Extensions, sign-extending loads, byte swaps, negation, complement and 64-bit constants, run in the kernel with ISA
/// v3 (shift expansions) and v4 (<c>movsx</c>, <c>ldsx</c>) against C#.</summary>
public class ConversionKernelTests
{
    static readonly (string Name, Func<IrBuilder, VReg, VReg, Operand> Compute, Func<ulong, ulong> Expected)[] Cases =
    [
        ("sext8", (ir, a, _) => Extend(ir, a, 8, true), a => (ulong)(long)(sbyte)a),
        ("sext16", (ir, a, _) => Extend(ir, a, 16, true), a => (ulong)(long)(short)a),
        ("sext32", (ir, a, _) => Extend(ir, a, 32, true), a => (ulong)(long)(int)a),
        ("zext8", (ir, a, _) => Extend(ir, a, 8, false), a => (byte)a),
        ("zext16", (ir, a, _) => Extend(ir, a, 16, false), a => (ushort)a),
        ("zext32", (ir, a, _) => Extend(ir, a, 32, false), a => (uint)a),
        ("bswap16", (ir, a, _) => Swap(ir, a, 16), a => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((ushort)a)),
        ("bswap32", (ir, a, _) => Swap(ir, a, 32), a => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)a)),
        ("bswap64", (ir, a, _) => Swap(ir, a, 64), System.Buffers.Binary.BinaryPrimitives.ReverseEndianness),
        ("neg32", (ir, a, _) => Unary(ir, UnaryOp.Neg, Width.W32, a), a => (uint)-(int)a),
        ("neg64", (ir, a, _) => Unary(ir, UnaryOp.Neg, Width.W64, a), a => (ulong)-(long)a),
        ("not32", (ir, a, _) => Unary(ir, UnaryOp.Not, Width.W32, a), a => ~(uint)a),
        ("not64", (ir, a, _) => Unary(ir, UnaryOp.Not, Width.W64, a), a => ~a),
        ("ldsx8", (ir, _, _) => SignedPacketLoad(ir, 1), a => (ulong)(long)(sbyte)a),
        ("ldsx16", (ir, _, _) => SignedPacketLoad(ir, 2), a => (ulong)(long)(short)a),
        ("ldsx32", (ir, _, _) => SignedPacketLoad(ir, 4), a => (ulong)(long)(int)a),
        ("xorwide", (ir, a, _) => ir.Op(BinaryOp.Xor, Width.W64, a, IrBuilder.Imm(0x1234_5678_9abc_def0)), a => a ^ 0x1234_5678_9abc_def0),
        ("addu32max", (ir, a, _) => ir.Op(BinaryOp.Add, Width.W64, a, IrBuilder.Imm(0xffff_ffff)), a => a + 0xffff_ffff),
        ("widemove", (ir, _, _) => ir.Const(unchecked((long)0x8765_4321_0fed_cba9)), _ => 0x8765_4321_0fed_cba9),
    ];

    static VReg Extend(IrBuilder ir, VReg a, int bits, bool signed)
    {
        var dst = ir.New();
        ir.Add(new Extend(dst, a, bits, signed));
        return dst;
    }

    static VReg Swap(IrBuilder ir, VReg a, int bits)
    {
        var dst = ir.New();
        ir.Add(new ByteSwap(dst, a, bits));
        return dst;
    }

    static VReg Unary(IrBuilder ir, UnaryOp op, Width width, VReg a)
    {
        var dst = ir.New();
        ir.Add(new Unary(op, width, dst, a));
        return dst;
    }

    /// <summary>A sign-extending load of the operand bytes at packet offset 0 (the packet pointer is the first load's base).</summary>
    static VReg SignedPacketLoad(IrBuilder ir, int size)
    {
        var data = new VReg(1);
        var dst = ir.New();
        ir.Add(new Load(dst, data, 0, size, SignExtend: true));
        return dst;
    }

    public static TheoryData<string, bool> Names()
    {
        var data = new TheoryData<string, bool>();
        foreach (var c in Cases)
        {
            data.Add(c.Name, false);
            data.Add(c.Name, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Conversion_matches_csharp(string name, bool isaV4)
    {
        Privileged.RequireRoot();
        var (_, compute, expected) = Cases.Single(c => c.Name == name);
        var function = KernelHarness.Compile(KernelHarness.PacketFunction(name, compute), new BackendOptions(isaV4), optimize: false);
        using var collection = KernelHarness.Load([function]);
        var mismatches = new List<string>();
        foreach (ulong a in AluReference.Operands(100, seed: name.Length))
        {
            ulong actual = KernelHarness.RunPacket(collection.Programs[name], a, 0);
            if (actual != expected(a)) mismatches.Add($"{name}(0x{a:x}) = 0x{actual:x}, C# 0x{expected(a):x}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }
}
