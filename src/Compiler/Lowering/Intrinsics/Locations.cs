using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>Locations of struct instances and their fields, for members that read or write fields in place (header
/// accessors, context structs, <c>ref</c> targets).</summary>
internal static class Locations
{
    /// <summary>Where the struct <paramref name="instance"/> lives: a local, parameter or field is its location; a reference
    /// (<c>NullableRef.Value</c>) is its target; an rvalue is the stack slot lowering put it in.</summary>
    public static Location? Of(ILoweringContext context, IOperation instance)
    {
        // Kind None is a pointer indirection (p->Field, (*p).Method()): its location is the pointee, not a copy.
        var location = instance is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IInstanceReferenceOperation
            || instance.Kind == OperationKind.None
            ? context.LowerLocation(instance)
            : context.Lower(instance) switch
            {
                ReferenceValue reference => reference.Target,
                StackValue stack => new StackLocation(stack.Slot, stack.Offset, stack.Type),
                PointerValue pointer => new MemoryLocation(pointer.Address, 0, pointer.Kind, instance.Type!),
                _ => null,
            };
        return location is RegisterLocation { Kind: { } kind } register
            ? new MemoryLocation(register.Register, 0, kind, instance.Type!)
            : location;
    }

    /// <summary>The location <paramref name="offset"/> bytes into <paramref name="location"/>, as <paramref name="type"/>.</summary>
    public static Location? Field(Location location, int offset, ITypeSymbol type) => location switch
    {
        StackLocation stack => new StackLocation(stack.Slot, stack.Offset + offset, type),
        MemoryLocation memory when memory.Offset + offset <= short.MaxValue => new MemoryLocation(memory.Base, (short)(memory.Offset + offset), memory.Kind, type),
        _ => null,
    };

    /// <summary>The location of field <paramref name="field"/> of the struct <paramref name="instance"/>.</summary>
    public static Location? OfField(ILoweringContext context, IOperation instance, IFieldSymbol field) =>
        Of(context, instance) is { } location ? Field(location, KernelFieldLayout.OffsetOf(field), field.Type) : null;
}
