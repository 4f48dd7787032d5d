namespace Sharp.Bpf.Kernel;

/// <summary>Marks a member that exists only for managed execution — inspecting maps, draining ring buffers, configuring
/// <see cref="BpfRuntime"/> — and has no kernel equivalent. Kernel code that uses it is a compile-time diagnostic.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
public sealed class ManagedOnlyAttribute : Attribute
{
}
