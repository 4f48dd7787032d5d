using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Instruction selection, one IR instruction at a time: a function of two parameters (v0 in r1, v1 in r2) that
/// computes v2 and returns it (so v2 prefers r0), compiled without the optimiser; the listing is llvm-objdump syntax.</summary>
public class InstructionSelectionTests
{
    static readonly VReg A = new(0), B = new(1), D = new(2);

    static Imm I(long value) => new(value);

    static readonly (string Name, IrInstruction Instruction, bool IsaV4, string Expected)[] Cases =
    [
        ("add rr", new Binary(BinaryOp.Add, Width.W64, D, A, B), false, "r0 = r1; r0 += r2; exit"),
        ("sub rr", new Binary(BinaryOp.Sub, Width.W64, D, A, B), false, "r0 = r1; r0 -= r2; exit"),
        ("add32 imm", new Binary(BinaryOp.Add, Width.W32, D, A, I(-1)), false, "r0 = r1; w0 += -0x1; exit"),
        ("add wide", new Binary(BinaryOp.Add, Width.W64, D, A, I(0x1_0000_0000)), false, "r2 = 0x100000000 ll; r0 = r1; r0 += r2; exit"),
        ("and32 wide", new Binary(BinaryOp.And, Width.W32, D, A, I(0xffff_ffff)), false, "r0 = r1; w0 &= -0x1; exit"),
        ("sub imm-left", new Binary(BinaryOp.Sub, Width.W64, D, I(10), A), false, "r0 = 0xa; r0 -= r1; exit"),
        ("add imm-left", new Binary(BinaryOp.Add, Width.W64, D, I(10), A), false, "r0 = r1; r0 += 0xa; exit"),
        ("lsh 65", new Binary(BinaryOp.Lsh, Width.W64, D, A, I(65)), false, "r0 = r1; r0 <<= 0x1; exit"),
        ("arsh32 33", new Binary(BinaryOp.Arsh, Width.W32, D, A, I(33)), false, "r0 = r1; w0 s>>= 0x1; exit"),
        ("sdiv v4", new Binary(BinaryOp.SDiv, Width.W64, D, A, B), true, "r0 = r1; r0 s/= r2; exit"),
        ("smod32 v4 imm", new Binary(BinaryOp.SMod, Width.W32, D, A, I(-3)), true, "r0 = r1; w0 s%= -0x3; exit"),
        ("sdiv v3 imm", new Binary(BinaryOp.SDiv, Width.W64, D, A, I(4)), false, "r2 = r1; r2 s>>= 0x3f; r1 ^= r2; r1 -= r2; r1 /= 0x4; r1 ^= r2; r0 = r1; r0 -= r2; exit"),
        ("mov small", new Move(D, I(-2)), false, "r0 = -0x2; exit"),
        ("mov u32", new Move(D, I(0xffff_0000)), false, "w0 = -0x10000; exit"),
        ("mov wide", new Move(D, I(0x1_0000_0000)), false, "r0 = 0x100000000 ll; exit"),
        ("neg32", new Unary(UnaryOp.Neg, Width.W32, D, A), false, "r0 = r1; w0 = -w0; exit"),
        ("not64", new Unary(UnaryOp.Not, Width.W64, D, A), false, "r0 = r1; r0 ^= -0x1; exit"),
        ("zext8", new Extend(D, A, 8, false), false, "r0 = r1; r0 &= 0xff; exit"),
        ("zext32", new Extend(D, A, 32, false), false, "w0 = w1; exit"),
        ("sext16 v3", new Extend(D, A, 16, true), false, "r1 <<= 0x30; r0 = r1; r0 s>>= 0x30; exit"),
        ("sext16 v4", new Extend(D, A, 16, true), true, "r0 = (s16)r1; exit"),
        ("sext32 v4", new Extend(D, A, 32, true), true, "r0 = (s32)r1; exit"),
        ("bswap32", new ByteSwap(D, A, 32), false, "r0 = r1; r0 = be32 r0; exit"),
        ("load", new Load(D, A, 12, 2), false, "w0 = *(u16 *)(r1 + 0xc); exit"),
        ("ldsx v3", new Load(D, A, 3, 1, true), false, "w1 = *(u8 *)(r1 + 0x3); r1 <<= 0x38; r0 = r1; r0 s>>= 0x38; exit"),
        ("ldsx v4", new Load(D, A, 3, 1, true), true, "r0 = *(s8 *)(r1 + 0x3); exit"),
        ("store imm to param", new Store(A, 4, I(7), 4), false, "r2 = 0x7; *(u32 *)(r1 + 0x4) = w2; r0 = 0x0; exit"),
        ("map", new LoadMap(D, "counts"), false, "r0 = 0x0 ll; exit"),
        ("global", new LoadGlobalAddress(D, "config", 8), false, "r0 = 0x0 ll; exit"),
        ("helper", new CallHelper(D, 14, new Operand[] { B, A, I(3) }.ToEquatableArray()), false, "r0 = r2; r2 = r1; r1 = r0; r3 = 0x3; call 0xe; exit"),
        ("call", new CallFunction(D, "sub", new Operand[] { B, A }.ToEquatableArray()), false, "r0 = r2; r2 = r1; r1 = r0; call -0x1; exit"),
        ("fetch add", new Atomic(AtomicOp.Add, A, 0, B, 8, D), false, "r0 = r2; r0 = atomic_fetch_add((u64 *)(r1 + 0x0), r0); exit"),
        ("cmpxchg", new Atomic(AtomicOp.CompareExchange, A, 0, B, 4, D, I(5)), false, "r0 = 0x5; w0 = cmpxchg32_32(r1 + 0x0, w0, w2); exit"),
    ];

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Selects_the_expected_instructions(string name)
    {
        var (_, instruction, isaV4, expected) = Cases.Single(c => c.Name == name);
        var ir = new IrBuilder("f", 2);
        ir.Add(instruction);
        ir.Return(Compiler.Optimization.IrOperands.Defined(instruction) is { } result ? result : I(0));
        var function = ir.Build() with { RegisterCount = 3 };
        var compiled = FunctionCompiler.Compile(function, new BackendOptions(isaV4)).Function!;
        Assert.Equal(expected, string.Join("; ", compiled.Instructions.Select(i => i.ToString())));
    }

    [Fact]
    public void Map_global_and_subprogram_references_point_at_their_instructions()
    {
        var ir = new IrBuilder("f", 2);
        var map = ir.New();
        ir.Add(new LoadMap(map, "counts"));
        var global = ir.New();
        ir.Add(new LoadGlobalAddress(global, "config", 8));
        var result = ir.New();
        ir.Add(new CallFunction(result, "helper_function", new Operand[] { map, global }.ToEquatableArray()));
        ir.Return(result);
        var compiled = FunctionCompiler.Compile(ir.Build(), new BackendOptions()).Function!;
        Assert.Equal(
            [new MapLoad(0, "counts"), new GlobalLoad(1, "config", 8), new SubprogramCall(2, "helper_function")],
            compiled.References.AsImmutableArray());
        Assert.Equal("r1 = 0x0 ll; r2 = 0x0 ll; call -0x1; exit", string.Join("; ", compiled.Instructions.Select(i => i.ToString())));
    }

    [Fact]
    public void A_block_whose_moves_all_vanish_is_jumped_over()
    {
        var ir = new IrBuilder("select", 2);
        var chosen = ir.New();
        int zero = ir.NewBlock(), same = ir.NewBlock(), join = ir.NewBlock();
        ir.Branch(Condition.Ugt, Width.W64, A, B, zero, same);
        ir.At(zero).Add(new Move(chosen, I(0))).Jump(join);
        ir.At(same).Add(new Move(chosen, A)).Jump(join);
        ir.At(join).Add(new Store(B, 0, chosen, 8));
        ir.Return(I(0));
        var compiled = FunctionCompiler.Compile(ir.Build(), new BackendOptions()).Function!;
        Assert.Equal("if r1 <= r2 goto +0x1; r1 = 0x0; *(u64 *)(r2 + 0x0) = r1; r0 = 0x0; exit",
            string.Join("; ", compiled.Instructions.Select(i => i.ToString())));
    }
}
