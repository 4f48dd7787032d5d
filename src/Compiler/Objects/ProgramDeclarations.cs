using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Sharp.Bpf.Kernel;

namespace Sharp.Bpf.Compiler.Objects;

/// <summary>Evaluates a program attribute as written in source by constructing the Kernel attribute itself (the generator
/// runs with Sharp.Bpf loaded): its constructor and <c>init</c> properties get the constant arguments, and
/// <see cref="ProgramAttribute.SectionName"/>, <see cref="ProgramAttribute.ProgramType"/> and
/// <see cref="ProgramAttribute.ExpectedAttachType"/> come from the attribute's own code, so the compiler cannot disagree with
/// it. Every <see cref="ProgramAttribute"/> subclass the Kernel defines is supported.</summary>
internal static class ProgramDeclarations
{
    internal const string ProgramAttributeName = "Sharp.Bpf.Kernel.ProgramAttribute";

    /// <summary>The attribute evaluated, or why it cannot be (<paramref name="whyNot"/>).</summary>
    public static ProgramDeclaration? Evaluate(AttributeData data, out string? whyNot)
    {
        whyNot = null;
        var attributeClass = data.AttributeClass;
        string display = attributeClass?.Name ?? "?";
        var type = attributeClass is null ? null : typeof(ProgramAttribute).Assembly.GetType(attributeClass.ToDisplayString(), throwOnError: false);
        if (type is null || !typeof(ProgramAttribute).IsAssignableFrom(type) || type.IsAbstract)
        {
            whyNot = $"[{display}] is not a program attribute of Sharp.Bpf.Kernel; use one of its attributes ([Xdp], [Tcx], [Tracepoint], ...)";
            return null;
        }
        try
        {
            var instance = Construct(type, data);
            var arguments = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(property => property.GetIndexParameters().Length == 0 && property.Name != nameof(ProgramAttribute.SectionName)
                    && property.Name != nameof(ProgramAttribute.ProgramType) && property.Name != nameof(ProgramAttribute.ExpectedAttachType))
                .OrderBy(property => property.Name, StringComparer.Ordinal)
                .Select(property => new ProgramArgument(property.Name, Format(property.GetValue(instance))))
                .ToEquatableArray();
            string kind = type.Name.EndsWith("Attribute", StringComparison.Ordinal) ? type.Name[..^"Attribute".Length] : type.Name;
            return new ProgramDeclaration(kind, instance.SectionName, instance.ProgramType, instance.ExpectedAttachType, arguments);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The attribute's own validation (a bad probe name, an undefined enum value) speaks for itself.
            var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            whyNot = $"[{display}]: {cause.Message}";
            return null;
        }
    }

    static ProgramAttribute Construct(Type type, AttributeData data)
    {
        var constructorArguments = data.ConstructorArguments;
        var constructor = type.GetConstructors().FirstOrDefault(c => c.GetParameters().Length == constructorArguments.Length)
            ?? throw new MissingMethodException($"no constructor of {type.Name} takes {constructorArguments.Length} arguments");
        var parameters = constructor.GetParameters();
        var values = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
            values[i] = Convert(constructorArguments[i], parameters[i].ParameterType);
        var instance = (ProgramAttribute)constructor.Invoke(values);
        foreach (var (name, value) in data.NamedArguments)
        {
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new MissingMethodException($"{type.Name} has no property '{name}'");
            property.SetValue(instance, Convert(value, property.PropertyType));
        }
        return instance;
    }

    static object? Convert(TypedConstant constant, Type target)
    {
        if (constant.IsNull) return null;
        if (constant.Kind == TypedConstantKind.Array)
            throw new ArgumentException("array arguments are not supported");
        if (constant.Kind == TypedConstantKind.Error)
            throw new ArgumentException("an argument could not be resolved");
        if (target.IsEnum) return Enum.ToObject(target, constant.Value!);
        return System.Convert.ChangeType(constant.Value, target, CultureInfo.InvariantCulture);
    }

    static string Format(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
