namespace Sharp.Bpf.Btf;

/// <summary>Raw BTF or <c>.BTF.ext</c> bytes are malformed. The message names the type id or byte offset at fault.</summary>
public sealed class BtfFormatException : FormatException
{
    /// <summary>Creates the exception with a message that names what is wrong and where.</summary>
    /// <param name="message">What is wrong, naming the type id or byte offset.</param>
    public BtfFormatException(string message) : base(message)
    {
    }
}
