using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler;

// SBPF0001–0099: C# the compiler cannot turn into eBPF. Each message names the construct and what to write instead.
internal static partial class Diagnostics
{
    // A construct with no eBPF equivalent that no more specific descriptor covers; the argument says what and what to write.
    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "SBPF0001", "Unsupported C# construct",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // checked(...) arithmetic and conversions: eBPF cannot trap on overflow.
    public static readonly DiagnosticDescriptor CheckedArithmetic = new(
        "SBPF0002", "Checked arithmetic",
        "'{0}' is checked arithmetic, which eBPF cannot trap on overflow: use unchecked arithmetic, or compare the operands before the operation",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // x / d or x % d where d is not proven non-zero: C# throws DivideByZeroException, eBPF yields 0 (or keeps x for %).
    public static readonly DiagnosticDescriptor DivisorMayBeZero = new(
        "SBPF0003", "Divisor may be zero",
        "The divisor of '{0}' may be zero, where C# throws and eBPF silently yields a value: test it first (for example 'if (d == 0) return ...;' on a local not assigned in between), or divide by a non-zero constant",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // Signed x / d or x % d where x may be MinValue and d may be -1: C# throws OverflowException, eBPF does not.
    public static readonly DiagnosticDescriptor SignedDivisionOverflow = new(
        "SBPF0004", "Signed division may overflow",
        "'{0}' may divide MinValue by -1, where C# throws OverflowException and eBPF does not: test the divisor first (for example 'if (d <= 0) return ...;'), or use unsigned operands",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // float, double, decimal: eBPF has no floating-point instructions.
    public static readonly DiagnosticDescriptor FloatingPoint = new(
        "SBPF0005", "Floating point",
        "'{0}' uses floating point, which eBPF has no instructions for: use integers (scaled fixed-point if you need fractions)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // new class, new T[], boxing, collection expressions: there is no heap in eBPF.
    public static readonly DiagnosticDescriptor HeapAllocation = new(
        "SBPF0006", "Heap allocation",
        "'{0}' allocates on the managed heap, which eBPF code cannot do: use a struct local, a fixed buffer or inline array, or a map value",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // string values and operations (printk format literals are the exception, compiled by the intrinsics).
    public static readonly DiagnosticDescriptor StringUse = new(
        "SBPF0007", "String",
        "'{0}' uses a string, which eBPF code cannot hold: use a fixed byte buffer, or a literal format string of Bpf.Printk",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // classes, interfaces, virtual calls, object members: eBPF code has value types and static calls only.
    public static readonly DiagnosticDescriptor ReferenceTypeUse = new(
        "SBPF0008", "Class, interface or virtual call",
        "'{0}' uses a class, interface or virtual call, which eBPF code cannot: use structs and static methods",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // lambdas, delegates, local functions, function pointers.
    public static readonly DiagnosticDescriptor DelegateUse = new(
        "SBPF0009", "Delegate or lambda",
        "'{0}' uses a delegate, lambda or local function, which eBPF code cannot: write a static method and call it directly",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // throw, try/catch/finally, using, lock, and switch expressions that may not match (they throw).
    public static readonly DiagnosticDescriptor ExceptionUse = new(
        "SBPF0010", "Exception handling",
        "'{0}' throws or handles exceptions, which eBPF code cannot: return an error value instead (and give a switch expression a '_ => ...' arm)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // A call cycle: calls are inlined, so recursion has no end.
    public static readonly DiagnosticDescriptor Recursion = new(
        "SBPF0011", "Recursion",
        "'{0}' is recursive, and eBPF code inlines its calls: rewrite it as a loop with a constant bound",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // A loop no path leaves: the verifier rejects programs that may not terminate.
    public static readonly DiagnosticDescriptor UnboundedLoop = new(
        "SBPF0012", "Loop without exit",
        "The loop at '{0}' never exits, and the verifier rejects code that may not terminate: give it a constant bound or a 'break'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // Calls of methods with no C# body in this compilation (other than kernel intrinsics), or instance methods of classes.
    public static readonly DiagnosticDescriptor UnsupportedCall = new(
        "SBPF0013", "Call of a method that cannot be compiled",
        "'{0}' cannot be called from eBPF code: call static methods (or struct methods) declared in this project, or Sharp.Bpf.Kernel members",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // async, await, iterators (yield).
    public static readonly DiagnosticDescriptor AsyncUse = new(
        "SBPF0014", "Async or iterator",
        "'{0}' uses async, await or yield, which eBPF code cannot: write straight-line code",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // Static fields that no intrinsic compiles as a map or a global.
    public static readonly DiagnosticDescriptor UnsupportedStaticField = new(
        "SBPF0015", "Static field that is not a map or global",
        "Static field '{0}' is not a map or a global of a [BpfObject] class: declare maps and globals as static fields of the [BpfObject] class, or use a const",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // foreach loops over anything but an [InlineArray] struct (arrays, spans, enumerables): their enumerator calls have no
    // eBPF body and their length is not a constant the verifier can bound.
    public static readonly DiagnosticDescriptor UnsupportedForeach = new(
        "SBPF0016", "foreach loop",
        "'{0}' is a foreach loop over a collection that is not an [InlineArray] struct: iterate an inline array, or use a 'for' loop with a constant bound",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // A Sharp.Bpf.Kernel member the compiler has no lowering for yet.
    public static readonly DiagnosticDescriptor KernelMemberNotSupported = new(
        "SBPF0017", "Kernel member not supported by the compiler",
        "'{0}' is not supported by the eBPF compiler yet: use another Sharp.Bpf.Kernel member or plain C#",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // Values of types that are neither integers, bool, char, enums, pointers nor unmanaged structs.
    public static readonly DiagnosticDescriptor UnsupportedType = new(
        "SBPF0018", "Unsupported type",
        "'{0}' has a type eBPF code cannot hold: use integers, bool, char, enums, pointers or unmanaged structs",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // Indexing a fixed buffer or inline array with an index the verifier cannot bound.
    public static readonly DiagnosticDescriptor UncheckedIndex = new(
        "SBPF0019", "Index not bounds-checked",
        "The index of '{0}' is not a constant, so the verifier cannot bound it: use a constant index, test it first ('if ((uint)i < N)'), or count with an unsigned loop variable ('for (uint i = 0; i < N; i++)')",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
