namespace Sharp.Bpf.Inspect.Conformance;

/// <summary>
/// The conformance tests that Linux refuses by design, in one place: each with the text the
/// kernel's verifier prints and why. A listed test passes when the kernel refuses it with that
/// text, and fails if the kernel ever accepts it (so the list cannot go stale silently).
/// </summary>
internal static class KnownKernelRejections
{
    public sealed record Rejection(string KernelError, string Reason);

    const string ShiftReason =
        "the ISA masks shift amounts to the operand width, but the verifier rejects constant shift amounts outside 0..width-1 (the register forms of the same tests pass)";

    static readonly Rejection InvalidShift = new("invalid shift", ShiftReason);

    public static IReadOnlyDictionary<string, Rejection> ByTest { get; } = new Dictionary<string, Rejection>(StringComparer.Ordinal)
    {
        ["callx"] = new("unknown opcode 8d", "Linux has no call-by-register instruction (callx is an LLVM/uBPF extension)"),
        ["arsh32-imm-high"] = InvalidShift,
        ["arsh32-imm-neg"] = InvalidShift,
        ["arsh64-imm-high"] = InvalidShift,
        ["arsh64-imm-neg"] = InvalidShift,
        ["lsh32-imm-high"] = InvalidShift,
        ["lsh32-imm-neg"] = InvalidShift,
        ["lsh64-imm-high"] = InvalidShift,
        ["lsh64-imm-neg"] = InvalidShift,
        ["rsh32-imm-high"] = InvalidShift,
        ["rsh32-imm-neg"] = InvalidShift,
        ["rsh64-imm-high"] = InvalidShift,
        ["rsh64-imm-neg"] = InvalidShift,
    };
}
