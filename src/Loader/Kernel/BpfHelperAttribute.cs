namespace Sharp.Bpf.Kernel;

/// <summary>Names the kernel helper a <see cref="Sharp.Bpf.Kernel"/> method compiles to, so the generator maps calls to
/// helper ids from metadata rather than from a table of its own.</summary>
/// <param name="id">The helper the method calls.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class BpfHelperAttribute(BpfHelperId id) : Attribute
{
    /// <summary>The helper the method calls.</summary>
    public BpfHelperId Id { get; } = id;
}
