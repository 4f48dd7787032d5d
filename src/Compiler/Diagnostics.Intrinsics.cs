using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler;

// SBPF0060–0079: misuse of Sharp.Bpf.Kernel members (Lowering/Intrinsics). Each message names the member and what to write instead.
internal static partial class Diagnostics
{
    public static readonly DiagnosticDescriptor ManagedOnlyMember = new(
        "SBPF0060", "Managed-only member in kernel code",
        "'{0}' exists only for managed execution ([ManagedOnly]) and has no kernel equivalent: use it in tests or user-space code, not in a BPF program",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NonConstantPrintkFormat = new(
        "SBPF0061", "Non-constant trace_printk format",
        "The format of Bpf.TracePrintk must be a constant string, not '{0}': pass values as the arguments after the format",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReservationNotReleased = new(
        "SBPF0062", "Ring buffer reservation not released",
        "The ring buffer reservation '{0}' is not submitted or discarded on every path: after its IsNull check, call Submit() or Discard() before every return",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor StalePacketCursor = new(
        "SBPF0063", "Packet used after bpf_skb_pull_data",
        "'{0}' was taken before Bpf.SkbPullData, which invalidates packet pointers: take skb.Packet again after the call",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor IntrinsicArgumentNotConstant = new(
        "SBPF0064", "Argument must be a constant",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
