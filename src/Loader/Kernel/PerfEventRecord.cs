namespace Sharp.Bpf.Kernel;

/// <summary>A record a <see cref="PerfEventArray{T}"/> received, with the CPU slot it went to.</summary>
/// <param name="Cpu">The CPU slot.</param>
/// <param name="Value">The record.</param>
/// <typeparam name="T">The record type.</typeparam>
[ManagedOnly]
public readonly record struct PerfEventRecord<T>(uint Cpu, T Value) where T : unmanaged;
