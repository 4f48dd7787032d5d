using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>What eBPF cannot do is a diagnostic at the construct, naming what to write instead, and no function.</summary>
public class RejectionTests
{
    const string Source = """
        using System;
        public class Node { public int Value; }
        public interface IShape { int Area(); }
        public struct Box : IShape { public int W; public int Area() => W * W; }
        [System.Runtime.CompilerServices.InlineArray(4)] public struct Four { int element; }
        public struct Arguments { public ulong First; public ulong Second; }
        public static class Subject
        {
            static int Forever(int x) => Forever(x - 1) + 1;
            static int Ping(int x) => x == 0 ? 0 : Pong(x - 1);
            static int Pong(int x) => Ping(x);
            static int field;

            public static int CheckedAdd(int a, int b) => checked(a + b);
            public static int CheckedConversion(long a) => checked((int)a);
            public static int CheckedIncrement(int a) { checked { a++; } return a; }
            public static int DivideByParameter(int a, int b) => a / b;
            public static int ModuloByParameter(uint a, uint b) => (int)(a % b);
            public static int DivideMayOverflow(int a, int b) { if (b == 0) return 0; return a / b; }
            public static int DivideAfterReassignment(int a, int b) { if (b == 0) return 0; b--; return a / b; }
            public static int DivideByZeroConstant(int a) => a / 0;
            public static long ModuloByMinusOne(long a) => a % -1;
            public static int Float(int a) => (int)(a * 1.5);
            public static int Allocation(int a) { var n = new Node(); n.Value = a; return n.Value; }
            public static int Array(int a) { var xs = new int[4]; return xs.Length + a; }
            public static int Text(int a) { string s = "abc"; return s.Length + a; }
            public static int Throws(int a) { if (a < 0) throw new ArgumentException("a"); return a; }
            public static int TryCatch(int a) { try { return a; } catch { return 0; } }
            public static int Lambda(int a) { Func<int, int> f = x => x + 1; return f(a); }
            public static int Recursive(int a) => Forever(a);
            public static int MutuallyRecursive(int a) => Ping(a);
            public static int InterfaceCall(int a) { IShape s = new Box { W = a }; return s.Area(); }
            public static int ForEach(int a) { int sum = 0; foreach (var c in "xyz") sum += c; return sum + a; }
            public static int ForEachSpan(int a) { Four f = default; Span<int> s = f; foreach (var x in s) a += x; return a; }
            public static int StaticField(int a) => field + a;
            public static int LibraryCall(int a) => Math.Abs(a);
            public static int NoExit(int a) { while (true) { a++; } }
            public static int UncheckedIndex(int i) { Four f = default; return f[i]; }
            public static int SignedCheckIsNotEnough(int i) { Four f = default; if (i < 4) return f[i]; return 0; }
            public static int LoopPastTheEnd(int a) { Four f = default; for (int i = 0; i <= 4; i++) a += f[i]; return a; }
            public static int NegativeStart(int a) { Four f = default; for (int i = -1; i < 4; i++) a += f[i]; return a; }
            public static int SwitchWithoutDefault(int a) => a switch { 0 => 1, 1 => 2 };
            public static int WritesContextField(Arguments args) { args.First = 1; return (int)args.Second; }
            public static int IncrementsContextField(Arguments args) { args.Second++; return 0; }
            public static int ContextByRef(ref Arguments args) => (int)args.First;
        }
        """;

    static readonly LoweringHarness Harness = new(Source);

    public static TheoryData<string, string, string, string> Rejections => new()
    {
        // method, diagnostic id, the source text it points at, a phrase of the message
        { "CheckedAdd", "SBPF0002", "a + b", "unchecked" },
        { "CheckedConversion", "SBPF0002", "(int)a", "unchecked" },
        { "CheckedIncrement", "SBPF0002", "a++", "unchecked" },
        { "DivideByParameter", "SBPF0003", "a / b", "if (d == 0) return" },
        { "ModuloByParameter", "SBPF0003", "a % b", "if (d == 0) return" },
        { "DivideMayOverflow", "SBPF0004", "a / b", "unsigned operands" },
        { "DivideAfterReassignment", "SBPF0003", "a / b", "not assigned in between" },
        { "DivideByZeroConstant", "SBPF0003", "a / 0", "non-zero constant" },
        { "ModuloByMinusOne", "SBPF0004", "a % -1", "MinValue by -1" },
        { "Float", "SBPF0005", "a * 1.5", "integers" },
        { "Allocation", "SBPF0006", "new Node()", "struct local" },
        { "Array", "SBPF0006", "new int[4]", "fixed buffer" },
        { "Text", "SBPF0007", "\"abc\"", "byte buffer" },
        { "Throws", "SBPF0010", "throw new ArgumentException(\"a\");", "return an error value" },
        { "TryCatch", "SBPF0010", "try { return a; } catch { return 0; }", "return an error value" },
        { "Lambda", "SBPF0009", "x => x + 1", "static method" },
        { "Recursive", "SBPF0011", "Forever(x - 1)", "loop with a constant bound" },
        { "MutuallyRecursive", "SBPF0011", "Ping(x)", "loop" },
        { "InterfaceCall", "SBPF0006", "new Box { W = a }", "heap" },
        { "ForEach", "SBPF0016", "foreach (var c in \"xyz\") sum += c;", "'for' loop" },
        { "ForEachSpan", "SBPF0016", "foreach (var x in s) a += x;", "[InlineArray] struct" },
        { "StaticField", "SBPF0015", "field", "[BpfObject] class" },
        { "LibraryCall", "SBPF0013", "Math.Abs(a)", "declared in this project" },
        { "NoExit", "SBPF0012", "while (true) { a++; }", "constant bound or a 'break'" },
        { "UncheckedIndex", "SBPF0019", "f[i]", "if ((uint)i < N)" },
        { "SignedCheckIsNotEnough", "SBPF0019", "f[i]", "constant index" },
        { "LoopPastTheEnd", "SBPF0019", "f[i]", "constant index" },
        { "NegativeStart", "SBPF0019", "f[i]", "constant index" },
        { "SwitchWithoutDefault", "SBPF0010", "a switch { 0 => 1, 1 => 2 }", "'_ => ...' arm" },
        { "WritesContextField", "SBPF0001", "args.First", "context, which is read-only" },
        { "IncrementsContextField", "SBPF0001", "args.Second", "copy the field to a local" },
        { "ContextByRef", "SBPF0018", "ref Arguments args", "unmanaged structs" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejected_construct_is_reported_at_its_syntax(string method, string id, string text, string advice)
    {
        var result = Harness.Lower(method);
        Assert.Null(result.Function);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == id && d.Where is { } where
            && Harness.Source.Substring(where.Start, where.Length) == text);
        Assert.Equal("/src/Subject.cs", diagnostic.Where!.FilePath);
        var descriptor = Sharp.Bpf.Compiler.Diagnostics.ById(id);
        Assert.Equal(id, descriptor.Id);
        Assert.Contains(advice, string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostic.Argument));
    }

    [Fact]
    public void Rejected_method_reports_every_offending_construct_once()
    {
        var harness = new LoweringHarness("""
            public static class Subject
            {
                public static int Two(int a, int b) => checked(a * b) + a / b;
            }
            """);
        var result = harness.Lower("Two");
        Assert.Equal(["SBPF0002", "SBPF0003"], result.Diagnostics.Select(d => d.Id).Order());
    }
}
