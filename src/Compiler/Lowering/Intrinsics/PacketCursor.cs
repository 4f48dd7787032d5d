using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>The <see cref="CompositeValue.Tag"/> of a <c>Packet</c>: registers [0] is the packet pointer <c>p</c>, [1] the
/// <c>data_end</c> it is checked against.</summary>
internal sealed class PacketCursor
{
    public static readonly PacketCursor Tag = new();

    PacketCursor()
    {
    }

    public static CompositeValue Create(VReg data, VReg dataEnd, ITypeSymbol packetType) =>
        new(ImmutableArray.Create(data, dataEnd), Tag, packetType);

    /// <summary>The two registers of a lowered packet, or null when <paramref name="value"/> is not one.</summary>
    public static (VReg Data, VReg DataEnd)? Registers(LoweredValue value) =>
        value is CompositeValue { Tag: PacketCursor, Registers: [var data, var dataEnd] } ? (data, dataEnd) : null;

    public override string ToString() => "packet";
}
