namespace Sharp.Bpf.Asm;

/// <summary>The mnemonic tables of the uBPF-style syntax, shared by <see cref="UbpfSyntaxFormatter"/> and <see cref="Assembler"/>.</summary>
internal static class UbpfMnemonics
{
    public static readonly IReadOnlyDictionary<AluOperation, string> Alu = new Dictionary<AluOperation, string>
    {
        [AluOperation.Add] = "add", [AluOperation.Sub] = "sub", [AluOperation.Mul] = "mul", [AluOperation.Div] = "div",
        [AluOperation.Or] = "or", [AluOperation.And] = "and", [AluOperation.Lsh] = "lsh", [AluOperation.Rsh] = "rsh",
        [AluOperation.Neg] = "neg", [AluOperation.Mod] = "mod", [AluOperation.Xor] = "xor", [AluOperation.Mov] = "mov",
        [AluOperation.Arsh] = "arsh",
    };

    public static readonly IReadOnlyDictionary<JumpOperation, string> Jump = new Dictionary<JumpOperation, string>
    {
        [JumpOperation.Ja] = "ja", [JumpOperation.Jeq] = "jeq", [JumpOperation.Jgt] = "jgt", [JumpOperation.Jge] = "jge",
        [JumpOperation.Jset] = "jset", [JumpOperation.Jne] = "jne", [JumpOperation.Jsgt] = "jsgt", [JumpOperation.Jsge] = "jsge",
        [JumpOperation.Jlt] = "jlt", [JumpOperation.Jle] = "jle", [JumpOperation.Jslt] = "jslt", [JumpOperation.Jsle] = "jsle",
    };

    public static readonly IReadOnlyDictionary<MemorySize, string> Size = new Dictionary<MemorySize, string>
    {
        [MemorySize.Byte] = "b", [MemorySize.Half] = "h", [MemorySize.Word] = "w", [MemorySize.DoubleWord] = "dw",
    };

    public static readonly IReadOnlyDictionary<AtomicOperation, string> Atomic = new Dictionary<AtomicOperation, string>
    {
        [AtomicOperation.Add] = "add", [AtomicOperation.Or] = "or", [AtomicOperation.And] = "and", [AtomicOperation.Xor] = "xor",
        [AtomicOperation.FetchAdd] = "fetch add", [AtomicOperation.FetchOr] = "fetch or", [AtomicOperation.FetchAnd] = "fetch and",
        [AtomicOperation.FetchXor] = "fetch xor", [AtomicOperation.Exchange] = "xchg", [AtomicOperation.CompareExchange] = "cmpxchg",
    };

    public static readonly IReadOnlyDictionary<LoadImmediateKind, string> LoadImmediate = new Dictionary<LoadImmediateKind, string>
    {
        [LoadImmediateKind.MapByFd] = "map_fd", [LoadImmediateKind.MapValueByFd] = "map_value",
        [LoadImmediateKind.VariableAddress] = "var", [LoadImmediateKind.CodeAddress] = "code",
        [LoadImmediateKind.MapByIndex] = "map_idx", [LoadImmediateKind.MapValueByIndex] = "map_idx_value",
    };

    public const string SignedDiv = "sdiv";
    public const string SignedMod = "smod";
    public const string MoveSignExtend = "movsx";
}
