namespace Sharp.Bpf.Kernel;

/// <summary>The TCP header's flag byte (byte 13).</summary>
[Flags]
public enum TcpFlags : byte
{
    /// <summary>No flags.</summary>
    None = 0,
    /// <summary>FIN: the sender has finished sending.</summary>
    Fin = 0x01,
    /// <summary>SYN: synchronise sequence numbers (connection set-up).</summary>
    Syn = 0x02,
    /// <summary>RST: reset the connection.</summary>
    Rst = 0x04,
    /// <summary>PSH: push buffered data to the application.</summary>
    Psh = 0x08,
    /// <summary>ACK: the acknowledgment number is valid.</summary>
    Ack = 0x10,
    /// <summary>URG: the urgent pointer is valid.</summary>
    Urg = 0x20,
    /// <summary>ECE: ECN echo.</summary>
    Ece = 0x40,
    /// <summary>CWR: congestion window reduced.</summary>
    Cwr = 0x80,
}
