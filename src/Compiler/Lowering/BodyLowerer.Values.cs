using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Types;

namespace Sharp.Bpf.Compiler.Lowering;

// Values and locations: constants, locals, parameters, fields, reads, writes and struct copies.
internal sealed partial class BodyLowerer
{
    public LoweredValue Lower(IOperation operation)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue) return Constant(operation);
        switch (operation)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation or IFlowCaptureReferenceOperation
                or IInlineArrayAccessOperation:
                return LowerLocation(operation) is { } location ? Read(location) : Poison(operation.Type!);
            case IFieldReferenceOperation field:
                return LowerFieldRead(field);
            case IPropertyReferenceOperation { Instance: var instance } when Enumerator(instance) is { } enumerator:
                return CurrentElement(enumerator, operation.Type!) is { } element ? Read(element) : Poison(operation.Type!);
            case IPropertyReferenceOperation property:
                return LowerPropertyRead(property);
            case IInvocationOperation invocation:
                return LowerInvocation(invocation);
            case IConversionOperation conversion:
                return LowerConversion(conversion);
            case IBinaryOperation binary:
                return LowerBinary(binary);
            case IUnaryOperation unary:
                return LowerUnary(unary);
            case ISimpleAssignmentOperation assignment:
                return LowerAssignment(assignment);
            case ICompoundAssignmentOperation compound:
                return LowerCompoundAssignment(compound);
            case IIncrementOrDecrementOperation increment:
                return LowerIncrement(increment);
            case IIsPatternOperation:
                return MaterializeCondition(operation);
            case IDefaultValueOperation:
                return Default(operation);
            case IObjectCreationOperation creation:
                return LowerObjectCreation(creation);
            case IAddressOfOperation address:
                return LowerAddressOf(address);
            case { Kind: OperationKind.None } when FixedAddressOf(operation) is { } address:
                return LowerAddressOf(address);
            case { Kind: OperationKind.None } when PointerIndirection(operation) is not null || PointerElement(operation) is not null:
                return LowerLocation(operation) is { } target ? Read(target) : Poison(operation.Type!);
            case ISizeOfOperation size:
                return new ScalarValue(new Imm(SizeOf(size.TypeOperand)), operation.Type!);
            case IInvalidOperation:
                return Poison(operation.Type ?? Compilation.GetSpecialType(SpecialType.System_Int32));
            case IEmptyOperation:
                return Poison(Compilation.GetSpecialType(SpecialType.System_Int32));
            default:
                return Unsupported(operation, $"'{operation.Syntax}' ({operation.Kind}) cannot be compiled to eBPF: use integer arithmetic, locals, structs and static methods");
        }
    }

    public Operand LowerScalar(IOperation operation) => Lower(operation) switch
    {
        ScalarValue scalar => scalar.Operand,
        ReferenceValue { Target: var target } when Read(target) is ScalarValue referenced => referenced.Operand,
        PointerValue pointer => pointer.Address,
        _ => PoisonOperand(operation, $"'{operation.Syntax}' is not an integer value here: use an integer, bool, enum or pointer"),
    };

    LoweredValue Constant(IOperation operation)
    {
        var type = operation.Type;
        object? value = operation.ConstantValue.Value;
        if (value is string)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.StringUse, operation, operation.Syntax.ToString());
            return Poison(Compilation.GetSpecialType(SpecialType.System_Int32));
        }
        if (ScalarType.IsFloatingPoint(type))
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.FloatingPoint, operation, operation.Syntax.ToString());
            return Poison(type!);
        }
        if (ScalarType.Of(type) is { } scalar)
            return new ScalarValue(new Imm(scalar.Canonical(ScalarType.ConstantBits(value) ?? 0)), type!);
        return Unsupported(operation, $"the constant '{operation.Syntax}' has no eBPF representation: use an integer constant");
    }

    LoweredValue Default(IOperation operation)
    {
        var type = operation.Type!;
        if (ScalarType.Of(type) is not null) return new ScalarValue(new Imm(0), type);
        if (TypeLayout.Of(type).Shape is { } shape && type.IsValueType)
        {
            var location = NewSlotLocation(type, "default");
            Zero(location, shape.Size);
            return new StackValue(location.Slot, location.Offset, type);
        }
        Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedType, operation, operation.Syntax.ToString());
        return Poison(type);
    }

    // ---- locations ----

    public Location? LowerLocation(IOperation operation)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return LocalLocation(local.Local, operation);
            case IParameterReferenceOperation parameter:
                if (frame.Parameters.TryGetValue(parameter.Parameter, out var bound)) return bound;
                Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedType, operation, operation.Syntax.ToString());
                return null;
            case IInstanceReferenceOperation:
                if (implicitReceiver is not null && operation is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
                    return implicitReceiver;
                if (frame.This is { } self) return self;
                Report(Sharp.Bpf.Compiler.Diagnostics.ReferenceTypeUse, operation, operation.Syntax.ToString());
                return null;
            case IFlowCaptureReferenceOperation capture:
                return frame.Captures.TryGetValue(capture.Id, out var captured) ? captured : null;
            case IFieldReferenceOperation field:
                return FieldLocation(field);
            case { Kind: OperationKind.None } when PointerIndirection(operation) is { } pointer:
                return Dereference(pointer, 0, operation.Type!, operation);
            case { Kind: OperationKind.None } when PointerElement(operation) is var (indexed, index):
                return Element(indexed, index, operation);
            case IDeclarationExpressionOperation declaration:
                return LowerLocation(declaration.Expression);
            case IInlineArrayAccessOperation access:
                return InlineArrayElement(access);
            case IPropertyReferenceOperation { Instance: var instance } when Enumerator(instance) is { } enumerator:
                return CurrentElement(enumerator, operation.Type!);
            case IPropertyReferenceOperation property when AutoPropertyLocation(property, out var backing):
                return backing;
            case IConversionOperation { Conversion.IsIdentity: true, Operand: var operand }:
                return LowerLocation(operand);
        }
        var value = Lower(operation);
        if (value is StackValue stack) return new StackLocation(stack.Slot, stack.Offset, stack.Type);
        if (value is ReferenceValue referenced) return referenced.Target;
        Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, operation,
            $"'{operation.Syntax}' is not a variable, so it cannot be assigned or passed by reference: store it in a local first");
        return null;
    }

    Location? implicitReceiver;

    /// <summary>Roslyn exposes <c>*p</c> only as operations of kind None (their interfaces are internal):
    /// recognise them by syntax. Returns the pointer operand.</summary>
    static IOperation? PointerIndirection(IOperation operation) =>
        operation.Kind == OperationKind.None && operation.ChildOperations.Count == 1
            && (operation.Syntax is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PointerIndirectionExpression }
                || operation.Syntax.Parent is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.PointerMemberAccessExpression } access
                    && access.Expression == operation.Syntax)
            ? operation.ChildOperations.First() : null;

    /// <summary>A <c>fixed</c> statement's <c>&amp;x</c> (x a movable variable, such as an <c>in</c> parameter) is an
    /// operation of kind None around the address-of: eBPF memory never moves, so it is that address.</summary>
    static IAddressOfOperation? FixedAddressOf(IOperation operation) =>
        operation.Kind == OperationKind.None && operation.ChildOperations.Count == 1 ? operation.ChildOperations.First() as IAddressOfOperation : null;

    /// <summary><c>p[i]</c> on a pointer or a fixed buffer, also of kind None: the indexed operand and the index.</summary>
    static (IOperation Indexed, IOperation Index)? PointerElement(IOperation operation) =>
        operation.Kind == OperationKind.None && operation.Syntax is ElementAccessExpressionSyntax && operation.ChildOperations.Count == 2
            ? (operation.ChildOperations.First(), operation.ChildOperations.Last()) : null;

    Location? LocalLocation(ILocalSymbol local, IOperation at)
    {
        if (frame.Locals.TryGetValue(local, out var location)) return location;
        if (local.IsRef)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, at, $"ref local '{local.Name}' is used before it refers to a variable");
            return null;
        }
        if (NewLocation(local.Type, local.Name, frame.AddressTaken.Contains(local)) is { } created)
        {
            frame.Locals[local] = created;
            return created;
        }
        Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, at,
            $"'{local.Name}' is used before a value is assigned to it: assign it where it is declared");
        return null;
    }

    /// <summary>Storage for a variable of <paramref name="type"/>: a register for scalars (unless its address is taken), a
    /// stack slot for structs; null for pointers and kernel handle types, whose storage follows the first value assigned.</summary>
    Location? NewLocation(ITypeSymbol type, string name, bool inMemory)
    {
        if (inMemory) return NewSlotLocation(type, name);
        if (!HasOwnStorage(type)) return null;
        return ScalarType.Of(type) is not null ? new RegisterLocation(builder.NewRegister(), type) : NewSlotLocation(type, name);
    }

    /// <summary>Whether a variable of <paramref name="type"/> has storage of its own (a register or a slot); a pointer local
    /// instead takes the kind of the first pointer assigned to it (stack, packet, map value...), and a kernel handle its
    /// shape.</summary>
    static bool HasOwnStorage(ITypeSymbol type) =>
        type is not IPointerTypeSymbol && (ScalarType.Of(type) is not null || type.IsValueType && TypeLayout.Of(type).Shape is not null);

    /// <summary>A slot for a variable of <paramref name="type"/>, 8-aligned whatever the type's alignment, so that copies and
    /// zeroing go 8 bytes at a time (<see cref="Copy"/>).</summary>
    StackLocation NewSlotLocation(ITypeSymbol type, string name)
    {
        var shape = TypeLayout.Of(type).Shape;
        int size = Math.Max(shape?.Size ?? 8, 1);
        return NewStackObject(type, size, 8, name);
    }

    /// <summary>A new location able to hold <paramref name="value"/> (registers of the same shape, or a new slot).</summary>
    Location FreshLocationFor(LoweredValue value, string name) => value switch
    {
        ScalarValue scalar => new RegisterLocation(builder.NewRegister(), scalar.Type),
        PointerValue pointer => new RegisterLocation(builder.NewRegister(), pointer.Type, pointer.Kind),
        CompositeValue composite => new CompositeLocation([.. composite.Registers.Select(_ => builder.NewRegister())], composite.Tag, composite.Type),
        ReferenceValue reference => Pinned(reference.Target),
        _ => NewSlotLocation(value.Type, name),
    };

    /// <summary>A location whose base register will not change when the variables it came from do.</summary>
    Location Pinned(Location location)
    {
        if (location is not MemoryLocation memory) return location;
        var register = builder.NewRegister();
        builder.Emit(new Move(register, memory.Base));
        return memory with { Base = register };
    }

    /// <summary>Maps and globals are static fields of a <c>[BpfObject]</c> class (or kernel statics): any other static field
    /// is not in the object, so it has no eBPF storage.</summary>
    bool IsForeignStaticField(IFieldReferenceOperation field)
    {
        if (!field.Field.IsStatic || field.Field.IsConst || IntrinsicHook.IsIntrinsic(field.Field)) return false;
        if (field.Field.ContainingType.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Sharp.Bpf.Kernel.BpfObjectAttribute"))
            return false;
        Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedStaticField, field, field.Field.Name);
        return true;
    }

    Location? FieldLocation(IFieldReferenceOperation field)
    {
        if (field.Field.IsStatic)
        {
            if (IsForeignStaticField(field)) return null;
            foreach (var lowerer in IntrinsicHook.Lowerers)
                if (lowerer.TryLowerFieldLocation(field, this, out var location)) return location;
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedStaticField, field, field.Field.Name);
            return null;
        }
        if (field.Instance is null || LowerLocation(field.Instance) is not { } instance) return null;
        return FieldOf(instance, field.Field, field);
    }

    Location? FieldOf(Location instance, IFieldSymbol field, IOperation at)
    {
        if (TypeLayout.Of(instance.Type).Shape is not StructShape shape
            || shape.Field(field.AssociatedSymbol is IPropertySymbol property ? property.Name : field.Name) is not { } fieldShape)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedType, at, at.Syntax.ToString());
            return null;
        }
        return Offset(instance, fieldShape.Offset, field.Type);
    }

    Location? Offset(Location location, int offset, ITypeSymbol type) => location switch
    {
        StackLocation stack => new StackLocation(stack.Slot, stack.Offset + offset, type),
        MemoryLocation memory when memory.Offset + offset <= short.MaxValue => new MemoryLocation(memory.Base, (short)(memory.Offset + offset), memory.Kind, type),
        _ => null,
    };

    LoweredValue LowerFieldRead(IFieldReferenceOperation field)
    {
        if (IsForeignStaticField(field)) return Poison(field.Type!);
        if (field.Field.IsStatic || IntrinsicHook.IsIntrinsic(field.Field) && TypeLayout.Of(field.Field.ContainingType).Shape is null)
        {
            foreach (var lowerer in IntrinsicHook.Lowerers)
                if (lowerer.TryLowerFieldRead(field, this, out var value) && value is not null) return value;
            if (field.Field.IsStatic)
            {
                Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedStaticField, field, field.Field.Name);
                return Poison(field.Type!);
            }
        }
        return FieldLocation(field) is { } location ? Read(location) : Poison(field.Type!);
    }

    // ---- reads and writes ----

    public LoweredValue Read(Location location)
    {
        switch (location)
        {
            case RegisterLocation { Kind: { } kind } register:
                return new PointerValue(register.Register, kind, register.Type);
            case RegisterLocation register:
                return new ScalarValue(register.Register, register.Type);
            case CompositeLocation composite:
                return new CompositeValue(composite.Registers, composite.Tag, composite.Type);
            case StackLocation stack when ScalarType.Of(stack.Type) is { } scalar:
            {
                var register = builder.NewRegister();
                builder.Emit(new LoadStack(register, stack.Slot, stack.Offset, scalar.Size));
                return Scalar(register, stack.Type);
            }
            case StackLocation stack:
                return new StackValue(stack.Slot, stack.Offset, stack.Type);
            case MemoryLocation memory when ScalarType.Of(memory.Type) is { } scalar:
            {
                var register = builder.NewRegister();
                builder.Emit(new Load(register, memory.Base, memory.Offset, scalar.Size));
                return Scalar(register, memory.Type);
            }
            case MemoryLocation memory:
            {
                var copy = NewSlotLocation(memory.Type, "copy");
                Copy(memory, copy, SizeOf(memory.Type));
                return new StackValue(copy.Slot, 0, memory.Type);
            }
            default:
                throw new InvalidOperationException($"cannot read {location}");
        }
    }

    /// <summary>A scalar read from memory: pointers keep the stack kind (the only memory pointers are stored in here).</summary>
    static LoweredValue Scalar(VReg register, ITypeSymbol type) =>
        type is IPointerTypeSymbol ? new PointerValue(register, PointerKind.Stack, type) : new ScalarValue(register, type);

    public void Write(Location location, LoweredValue value)
    {
        switch (location, value)
        {
            case (RegisterLocation register, ScalarValue scalar):
                builder.Emit(new Move(register.Register, scalar.Operand));
                return;
            case (RegisterLocation register, PointerValue pointer):
                builder.Emit(new Move(register.Register, pointer.Address));
                return;
            case (CompositeLocation target, CompositeValue source) when target.Registers.Length == source.Registers.Length:
                for (int i = 0; i < target.Registers.Length; i++)
                    builder.Emit(new Move(target.Registers[i], source.Registers[i]));
                return;
            case (StackLocation stack, ScalarValue or PointerValue) when ScalarType.Of(stack.Type) is { } scalar:
                builder.Emit(new StoreStack(stack.Slot, stack.Offset, OperandOf(value), scalar.Size));
                return;
            case (MemoryLocation memory, ScalarValue or PointerValue) when ScalarType.Of(memory.Type) is { } scalar:
                builder.Emit(new Store(memory.Base, memory.Offset, OperandOf(value), scalar.Size));
                return;
            case (StackLocation or MemoryLocation, StackValue source):
                var from = new StackLocation(source.Slot, source.Offset, source.Type);
                if (from != location) Copy(from, location, SizeOf(location.Type));
                return;
            case (_, ReferenceValue { Target: var source }) when ScalarType.Of(source.Type) is null:
                if (source != location) Copy(source, location, SizeOf(location.Type));
                return;
            case (_, ReferenceValue { Target: var source }):
                Write(location, Read(source));
                return;
            case (_, ScalarValue { Operand: Imm }) when diagnostics.Count > 0:
                // The poison value of an expression already reported: nothing to write.
                return;
            default:
                throw new InvalidOperationException($"cannot write {value} to {location}");
        }
    }

    static Operand OperandOf(LoweredValue value) => value switch
    {
        ScalarValue scalar => scalar.Operand,
        PointerValue pointer => pointer.Address,
        _ => throw new InvalidOperationException($"{value} is not a scalar"),
    };

    /// <summary>Copies <paramref name="size"/> bytes in the widest pieces both locations' alignment allows.</summary>
    void Copy(Location from, Location to, int size)
    {
        for (int offset = 0; offset < size;)
        {
            int piece = 8;
            while (piece > AccessAlignment(from, offset) || piece > AccessAlignment(to, offset) || piece > size - offset) piece /= 2;
            var register = builder.NewRegister();
            builder.Emit(from switch
            {
                StackLocation stack => new LoadStack(register, stack.Slot, stack.Offset + offset, piece),
                MemoryLocation memory => new Load(register, memory.Base, (short)(memory.Offset + offset), piece),
                _ => throw new InvalidOperationException($"cannot copy from {from}"),
            });
            builder.Emit(to switch
            {
                StackLocation stack => new StoreStack(stack.Slot, stack.Offset + offset, register, piece),
                MemoryLocation memory => new Store(memory.Base, (short)(memory.Offset + offset), register, piece),
                _ => throw new InvalidOperationException($"cannot copy to {to}"),
            });
            offset += piece;
        }
    }

    /// <summary>The widest access (1 to 8 bytes) the verifier accepts <paramref name="offset"/> bytes into
    /// <paramref name="location"/>. Stack accesses must be aligned to their size (the verifier is strict there), so a stack
    /// slot's position counts; so must context loads (<c>off % size == 0</c>), whose offsets are from the context's start.
    /// Packets and map values (globals, ring buffer records) may be read and written unaligned on the targets whose kernels
    /// do not set strict alignment (x86-64, arm64). Other memory (a pointer into the stack) is as aligned as its type.</summary>
    int AccessAlignment(Location location, int offset)
    {
        static int Lowest(int position, int alignment) => position == 0 ? alignment : Math.Min(alignment, position & -position);
        return location switch
        {
            StackLocation stack => Lowest(stack.Offset + offset, builder.SlotAlignment(stack.Slot)),
            MemoryLocation { Kind: PointerKind.Packet or PointerKind.MapValue or PointerKind.Global } => 8,
            MemoryLocation { Kind: PointerKind.Context } memory => Lowest(memory.Offset + offset, 8),
            _ => Lowest(offset, Math.Clamp(TypeLayout.Of(location.Type).Shape?.Alignment ?? 1, 1, 8)),
        };
    }

    /// <summary>Stores zeros over the <paramref name="size"/> bytes of <paramref name="location"/>, in the widest pieces its
    /// alignment allows.</summary>
    void Zero(Location location, int size)
    {
        for (int offset = 0; offset < size;)
        {
            int piece = 8;
            while (piece > size - offset || piece > AccessAlignment(location, offset)) piece /= 2;
            builder.Emit(location switch
            {
                StackLocation stack => new StoreStack(stack.Slot, stack.Offset + offset, new Imm(0), piece),
                MemoryLocation memory => new Store(memory.Base, (short)(memory.Offset + offset), new Imm(0), piece),
                _ => throw new InvalidOperationException($"cannot zero {location}"),
            });
            offset += piece;
        }
    }

    void ZeroAtEntry(int slot, int size)
    {
        for (int offset = 0; offset < size;)
        {
            int piece = 8;
            while (piece > size - offset || offset % piece != 0) piece /= 2;
            builder.EmitAtEntry(new StoreStack(slot, offset, new Imm(0), piece));
            offset += piece;
        }
    }
}
