namespace Sharp.Bpf.Compiler.Tests.Programs.RingBuffers;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Ring buffer output: a copied record, and a reservation filled in place then submitted or discarded. The ring
/// is large enough for every input's record, so the results do not depend on a reader.</summary>
[BpfObject(License = "GPL")]
public static partial class RingBufferOutput
{
    /// <summary>The records (1,000 inputs × 24 bytes each, with headers, fit).</summary>
    public static readonly RingBuffer<LongPair> Records = new(sizeBytes: 1 << 16);

    /// <summary>Outputs a copy of the input; returns whether it fit.</summary>
    [Xdp]
    public static XdpAction OutputCopy(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out LongPair p)) return XdpAction.Aborted;
        return Records.TryOutput(p) ? XdpAction.Pass : XdpAction.Drop;
    }

    /// <summary>Reserves a record, fills it, and submits it when A is even, discards it otherwise.</summary>
    [Xdp]
    public static XdpAction ReserveSubmitOrDiscard(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out LongPair p)) return XdpAction.Aborted;
        var record = Records.Reserve();
        if (record.IsNull) return XdpAction.Drop;
        record.Value.A = p.A;
        record.Value.B = p.A ^ p.B;
        if ((p.A & 1) == 0)
        {
            record.Submit();
            return XdpAction.Pass;
        }
        record.Discard();
        return XdpAction.Tx;
    }

    /// <summary>Reserves a record and assigns it whole from a struct built in place, then submits it.</summary>
    [Xdp]
    public static XdpAction ReserveWholeRecord(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out LongPair p)) return XdpAction.Aborted;
        var record = Records.Reserve();
        if (record.IsNull) return XdpAction.Drop;
        record.Value = new LongPair { A = p.B, B = p.A - p.B };
        record.Submit();
        return XdpAction.Pass;
    }
}
