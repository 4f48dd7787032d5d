namespace Sharp.Bpf.Elf;

/// <summary>A global variable of an object: where it lives in its global-data map, from the BTF DATASEC that describes the section.</summary>
/// <param name="Name">The variable's name in the source.</param>
/// <param name="MapName">The global-data map holding it (<c>.rodata</c>, <c>.data</c>, <c>.bss</c>, ...).</param>
/// <param name="Offset">Byte offset of the variable in the map's value.</param>
/// <param name="Size">Size of the variable in bytes.</param>
/// <param name="IsReadOnly">True for <c>.rodata*</c>: the kernel freezes the map after load, so the value can only be set before.</param>
public sealed record GlobalVariable(string Name, string MapName, uint Offset, uint Size, bool IsReadOnly);
