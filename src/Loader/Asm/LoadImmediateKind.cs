namespace Sharp.Bpf.Asm;

/// <summary>The <c>src_reg</c> of a 64-bit immediate load (<c>lddw</c>), which says what the
/// immediate means (RFC 9669 §5.4). The loader resolves all but <see cref="Value"/>.</summary>
public enum LoadImmediateKind : byte
{
    /// <summary>dst = imm64.</summary>
    Value = 0,
    /// <summary>dst = map referred to by the file descriptor in imm.</summary>
    MapByFd = 1,
    /// <summary>dst = address of the value of the map with fd imm, plus next_imm.</summary>
    MapValueByFd = 2,
    /// <summary>dst = address of the variable with BTF id imm.</summary>
    VariableAddress = 3,
    /// <summary>dst = address of the instruction imm slots after the next one.</summary>
    CodeAddress = 4,
    /// <summary>dst = map at index imm of the program's fd array.</summary>
    MapByIndex = 5,
    /// <summary>dst = address of the value of the map at index imm, plus next_imm.</summary>
    MapValueByIndex = 6,
}
