namespace Sharp.Bpf.Kernel;

/// <summary>Marks a static field of a BPF object as load-time configuration: the generator places it in <c>.rodata</c>
/// (frozen after load, Linux 5.2), the generated bindings let user space set it before load, and the verifier treats it
/// as a constant, so branches on it are pruned. Kernel code may only read it (a diagnostic otherwise).</summary>
/// <remarks>A <c>static readonly</c> field also goes to <c>.rodata</c>; this attribute is for configuration a unit test
/// sets directly. Other static fields are globals: <c>.bss</c> when zero-initialised, <c>.data</c> otherwise (Linux 5.2).
/// All compile to <c>ld_imm64 rX, map_value(section) + offset</c> followed by a load or store.</remarks>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ConfigurationAttribute : Attribute
{
}
