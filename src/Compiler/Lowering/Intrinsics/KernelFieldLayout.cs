using Microsoft.CodeAnalysis;
using Sharp.Bpf.Compiler.Types;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>Field offsets of the Sharp.Bpf.Kernel structs the intrinsics read fields of (headers, <c>PtRegs</c>), from
/// <see cref="TypeLayout"/>.</summary>
internal static class KernelFieldLayout
{
    public static int OffsetOf(IFieldSymbol field) =>
        (TypeLayout.Of(field.ContainingType).Shape as StructShape)?.Field(field.Name)?.Offset
        ?? throw new InvalidOperationException($"{field.ContainingType.Name}.{field.Name} has no layout");

    /// <summary>The instance field named <paramref name="name"/> of <paramref name="type"/>.</summary>
    public static IFieldSymbol Field(ITypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IFieldSymbol>().Single(f => !f.IsStatic);
}
