using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>The accessors of the header structs (<c>EthernetHeader</c>, <c>Ipv4Header</c>, <c>TcpHeader</c>, ...), whose
/// fields are in network byte order. A property <c>X</c> beside a field <c>XNetworkOrder</c> reads the field and swaps
/// it (<c>be16</c>/<c>be32</c>) and its setter swaps and stores; the computed properties are the steps in
/// <see cref="Computed"/>, done in 64 bits on the zero-extended field (booleans without branches).</summary>
internal static class HeaderProperties
{
    /// <summary>One step of a computed accessor; the first reads a field.</summary>
    internal abstract record Step;

    /// <summary>Reads the named field of the header.</summary>
    internal sealed record Field(string Name) : Step;

    /// <summary>Reads the byte at <see cref="Offset"/> of the instance (inline arrays such as <c>MacAddress</c>).</summary>
    internal sealed record ByteAt(int Offset) : Step;

    /// <summary>Reverses the low <see cref="Bits"/>' bytes.</summary>
    internal sealed record Swap(int Bits) : Step;

    internal sealed record Apply(BinaryOp Op, long Operand) : Step;

    /// <summary>1 when the value equals <see cref="Value"/>, else 0.</summary>
    internal sealed record EqualTo(long Value) : Step;

    /// <summary>1 when the value is not 0, else 0.</summary>
    internal sealed record NonZero : Step;

    static Step Shr(int n) => new Apply(BinaryOp.Rsh, n);
    static Step Shl(int n) => new Apply(BinaryOp.Lsh, n);
    static Step And(long mask) => new Apply(BinaryOp.And, mask);

    /// <summary>The computed accessors, by header type and property, as their C# bodies compute them.</summary>
    public static readonly IReadOnlyDictionary<(string Type, string Property), Step[]> Computed = new Dictionary<(string, string), Step[]>
    {
        [("Ipv4Header", "Version")] = [new Field("VersionAndIhl"), Shr(4)],
        [("Ipv4Header", "Ihl")] = [new Field("VersionAndIhl"), And(0x0F)],
        [("Ipv4Header", "HeaderLength")] = [new Field("VersionAndIhl"), And(0x0F), Shl(2)],
        [("Ipv4Header", "DontFragment")] = [new Field("FragmentNetworkOrder"), new Swap(16), Shr(14), And(1)],
        [("Ipv4Header", "MoreFragments")] = [new Field("FragmentNetworkOrder"), new Swap(16), Shr(13), And(1)],
        [("Ipv4Header", "FragmentOffset")] = [new Field("FragmentNetworkOrder"), new Swap(16), And(0x1FFF), Shl(3)],
        [("Ipv4Header", "IsFragment")] = [new Field("FragmentNetworkOrder"), new Swap(16), And(0x3FFF), new NonZero()],
        [("TcpHeader", "DataOffset")] = [new Field("DataOffsetAndReserved"), Shr(4)],
        [("TcpHeader", "HeaderLength")] = [new Field("DataOffsetAndReserved"), Shr(4), Shl(2)],
        [("TcpHeader", "IsSyn")] = [new Field("Flags"), And(0x12), new EqualTo(0x02)],
        [("TcpHeader", "IsSynAck")] = [new Field("Flags"), And(0x12), new EqualTo(0x12)],
        [("Ipv6Header", "Version")] = [new Field("VersionClassFlowNetworkOrder"), new Swap(32), Shr(28)],
        [("Ipv6Header", "TrafficClass")] = [new Field("VersionClassFlowNetworkOrder"), new Swap(32), Shr(20), And(0xFF)],
        [("Ipv6Header", "FlowLabel")] = [new Field("VersionClassFlowNetworkOrder"), new Swap(32), And(0xFFFFF)],
        [("Ipv6ExtensionHeader", "HeaderLength")] = [new Field("LengthUnits"), new Apply(BinaryOp.Add, 1), Shl(3)],
        [("Ipv6FragmentHeader", "FragmentOffset")] = [new Field("FragmentNetworkOrder"), new Swap(16), And(0xFFF8)],
        [("Ipv6FragmentHeader", "MoreFragments")] = [new Field("FragmentNetworkOrder"), new Swap(16), And(1)],
        [("VlanHeader", "VlanId")] = [new Field("TciNetworkOrder"), new Swap(16), And(0x0FFF)],
        [("VlanHeader", "Priority")] = [new Field("TciNetworkOrder"), new Swap(16), Shr(13)],
        [("MacAddress", "IsMulticast")] = [new ByteAt(0), And(1)],
    };

    public static bool TryRead(IPropertyReferenceOperation property, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        if (property.Instance is null || Steps(property.Property) is not { } steps) return false;
        var instance = Locations.Of(context, property.Instance);
        Operand current = new Imm(0);
        foreach (var step in steps)
        {
            switch (step)
            {
                case Field field:
                    var symbol = KernelFieldLayout.Field(property.Property.ContainingType, field.Name);
                    if (instance is null || Locations.Field(instance, KernelFieldLayout.OffsetOf(symbol), symbol.Type) is not { } location)
                        throw new InvalidOperationException($"'{property.Instance.Syntax}' has no location to read {field.Name} from");
                    current = ((ScalarValue)context.Read(location)).Operand;
                    break;
                case ByteAt at:
                    var byteType = context.Compilation.GetSpecialType(SpecialType.System_Byte);
                    if (instance is null || Locations.Field(instance, at.Offset, byteType) is not { } byteLocation)
                        throw new InvalidOperationException($"'{property.Instance.Syntax}' has no location to read byte {at.Offset} from");
                    current = ((ScalarValue)context.Read(byteLocation)).Operand;
                    break;
                case Swap swap:
                    current = ByteOrderIntrinsics.Swap(context, current, swap.Bits);
                    break;
                case Apply apply:
                    current = Binary(context, apply.Op, current, new Imm(apply.Operand));
                    break;
                case EqualTo equal:
                    // x == c as ((x ^ c) - 1) >> 63 for the small non-negative values headers hold.
                    current = Binary(context, BinaryOp.Rsh, Binary(context, BinaryOp.Sub, Binary(context, BinaryOp.Xor, current, new Imm(equal.Value)), new Imm(1)), new Imm(63));
                    break;
                case NonZero:
                    // x != 0 as (0 - x) >> 63 for values below 2^63.
                    current = Binary(context, BinaryOp.Rsh, Binary(context, BinaryOp.Sub, new Imm(0), current), new Imm(63));
                    break;
            }
        }
        value = new ScalarValue(current, property.Type!);
        return true;
    }

    public static bool TryWrite(IPropertyReferenceOperation property, LoweredValue value, ILoweringContext context)
    {
        if (property.Instance is null || NetworkOrderField(property.Property) is not { } field || value is not ScalarValue scalar) return false;
        var location = Locations.OfField(context, property.Instance, field)
            ?? throw new InvalidOperationException($"'{property.Instance.Syntax}' has no location to write {field.Name} to");
        var swapped = ByteOrderIntrinsics.Swap(context, scalar.Operand, context.SizeOf(field.Type) * 8);
        context.Write(location, new ScalarValue(swapped, field.Type));
        return true;
    }

    static Step[]? Steps(IPropertySymbol property)
    {
        if (KernelSymbols.KernelName(property.ContainingType) is not { } type) return null;
        if (Computed.TryGetValue((type, property.Name), out var steps)) return steps;
        return NetworkOrderField(property) is { } field ? [new Field(field.Name), new Swap(SizeOfSpecial(field.Type) * 8)] : null;
    }

    /// <summary>The field <c>XNetworkOrder</c> of the same integer type beside property <c>X</c>.</summary>
    static IFieldSymbol? NetworkOrderField(IPropertySymbol property) =>
        property.ContainingType.GetMembers(property.Name + "NetworkOrder").OfType<IFieldSymbol>()
            .FirstOrDefault(f => !f.IsStatic && SymbolEqualityComparer.Default.Equals(f.Type, property.Type));

    static int SizeOfSpecial(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_UInt16 or SpecialType.System_Int16 => 2,
        SpecialType.System_UInt32 or SpecialType.System_Int32 => 4,
        SpecialType.System_UInt64 or SpecialType.System_Int64 => 8,
        _ => 1,
    };

    static Operand Binary(ILoweringContext context, BinaryOp op, Operand left, Operand right)
    {
        var result = context.Builder.NewRegister();
        context.Builder.Emit(new Ir.Binary(op, Width.W64, result, IntrinsicEmit.Register(context, left), right));
        return result;
    }
}
