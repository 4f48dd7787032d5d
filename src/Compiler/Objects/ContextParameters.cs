using Microsoft.CodeAnalysis;
using Sharp.Bpf.Compiler.Types;

namespace Sharp.Bpf.Compiler.Objects;

/// <summary>Types a program's context parameter as clang does in the function's BTF prototype: the Kernel context classes
/// point to the kernel's structs (<c>struct __sk_buff *</c>, <c>struct xdp_md *</c>, <c>struct pt_regs *</c>); a struct
/// the program declares (a tracepoint's record) points to that struct, laid out.</summary>
internal static class ContextParameters
{
    /// <summary>The Kernel types that stand for a kernel context struct.</summary>
    static readonly Dictionary<string, string> KernelStructs = new(StringComparer.Ordinal)
    {
        ["Sharp.Bpf.Kernel.SkBuff"] = "__sk_buff",
        ["Sharp.Bpf.Kernel.XdpMd"] = "xdp_md",
        ["Sharp.Bpf.Kernel.PtRegs"] = "pt_regs",
    };

    /// <summary>The Kernel context type each program attribute's programs receive (by attribute kind); kinds not listed
    /// take a struct they declare (a tracepoint's record) or no parameter.</summary>
    static readonly Dictionary<string, string> ExpectedContexts = new(StringComparer.Ordinal)
    {
        ["Xdp"] = "Sharp.Bpf.Kernel.XdpMd",
        ["Tc"] = "Sharp.Bpf.Kernel.SkBuff",
        ["Tcx"] = "Sharp.Bpf.Kernel.SkBuff",
        ["SocketFilter"] = "Sharp.Bpf.Kernel.SkBuff",
        ["CgroupSkb"] = "Sharp.Bpf.Kernel.SkBuff",
        ["Kprobe"] = "Sharp.Bpf.Kernel.PtRegs",
        ["Kretprobe"] = "Sharp.Bpf.Kernel.PtRegs",
        ["Uprobe"] = "Sharp.Bpf.Kernel.PtRegs",
        ["Uretprobe"] = "Sharp.Bpf.Kernel.PtRegs",
    };

    /// <summary>The context parameter of <paramref name="method"/>, null when it has none; null with a diagnostic when it
    /// cannot be typed or is not the context of the program's type.</summary>
    public static ContextParameter? Build(IMethodSymbol method, ProgramDeclaration declaration, SourceSpan at, List<DiagnosticInfo> diagnostics, out bool failed)
    {
        failed = false;
        if (method.Parameters.Length == 0) return null;
        if (method.Parameters.Length > 1)
        {
            diagnostics.Add(new(Diagnostics.InvalidProgramDeclaration.Id, at,
                $"program '{method.Name}' has {method.Parameters.Length} parameters: a program receives only its context; declare one parameter"));
            failed = true;
            return null;
        }
        var parameter = method.Parameters[0];
        var type = parameter.Type is IPointerTypeSymbol pointer ? pointer.PointedAtType : parameter.Type;
        string name = parameter.Name.Length > 0 ? parameter.Name : "ctx";
        string typeName = type.ToDisplayString();
        bool isKernelContext = KernelStructs.TryGetValue(typeName, out var kernelStruct);
        if (ExpectedContexts.TryGetValue(declaration.Kind, out var expected) ? typeName != expected : isKernelContext)
        {
            string what = expected is null ? "a struct declaring its record, or no parameter" : $"'{expected["Sharp.Bpf.Kernel.".Length..]}'";
            diagnostics.Add(new(Diagnostics.InvalidProgramDeclaration.Id, at,
                $"program '{method.Name}' is [{declaration.Kind}]: its context is {what}, not '{type.Name}'"));
            failed = true;
            return null;
        }
        if (isKernelContext)
            return new ContextParameter(name, kernelStruct, null);
        if (type.TypeKind != TypeKind.Struct)
            return new ContextParameter(name, null, null);
        var layout = TypeLayout.Of(type);
        if (layout.Shape is not StructShape shape)
        {
            diagnostics.Add(new(Diagnostics.TypeWithoutLayout.Id, at,
                $"program '{method.Name}': its context '{type.ToDisplayString()}' {(layout.WhyNot is { } why ? "— " + why : "is not a struct")}"));
            failed = true;
            return null;
        }
        return new ContextParameter(name, null, shape);
    }
}
