namespace Sharp.Bpf.Elf;

/// <summary>The bytes are not a readable relocatable eBPF ELF object: not ELF, another machine, truncated or inconsistent.</summary>
public sealed class BpfElfException : FormatException
{
    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    public BpfElfException(string message) : base(message) { }

    /// <summary>Creates the exception for an error the ELF library reported.</summary>
    public BpfElfException(string message, Exception innerException) : base(message, innerException) { }
}
