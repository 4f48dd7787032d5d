using System.Runtime.InteropServices;
using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

public sealed partial record CollectionSpec
{
    /// <summary>The global variables the object's BTF describes, by name (<c>const volatile</c> configuration in
    /// <c>.rodata</c>, initialised <c>.data</c>, zeroed <c>.bss</c>); empty when the object has no BTF.</summary>
    public IReadOnlyDictionary<string, GlobalVariable> Globals => FindGlobals();

    /// <summary>Returns a copy of this spec in which global <paramref name="name"/> starts with <paramref name="value"/>.
    /// This is how <c>.rodata</c> configuration is set: the loader writes the value, then freezes the map, so the
    /// verifier sees a constant and prunes the branches it decides.</summary>
    /// <exception cref="KeyNotFoundException">No global of that name (the message lists the globals there are).</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not the variable's size.</exception>
    public CollectionSpec WithGlobal<T>(string name, T value) where T : unmanaged =>
        WithGlobal(name, MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    /// <summary>Returns a copy of this spec in which global <paramref name="name"/> starts with the bytes <paramref name="value"/>.</summary>
    /// <exception cref="KeyNotFoundException">No global of that name (the message lists the globals there are).</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not the variable's size.</exception>
    public CollectionSpec WithGlobal(string name, ReadOnlySpan<byte> value)
    {
        if (!Globals.TryGetValue(name, out var variable))
            throw new KeyNotFoundException(Globals.Count == 0
                ? $"no global variable '{name}': the object has no BTF describing its globals (compile with -g)"
                : $"no global variable '{name}'; the object's globals are {string.Join(", ", Globals.Keys.Order(StringComparer.Ordinal))}");
        if (value.Length != variable.Size)
            throw new ArgumentException($"global '{name}' is {variable.Size} bytes; the value given is {value.Length}", nameof(value));
        var map = Maps[variable.MapName];
        var contents = map.Contents.Single().Value.ToArray();
        value.CopyTo(contents.AsSpan((int)variable.Offset));
        var maps = Maps.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        maps[variable.MapName] = map with { Contents = [map.Contents.Single() with { Value = contents }] };
        return this with { Maps = maps };
    }

    Dictionary<string, GlobalVariable> FindGlobals()
    {
        var globals = new Dictionary<string, GlobalVariable>(StringComparer.Ordinal);
        if (Btf is null) return globals;
        foreach (var map in Maps.Values)
        {
            if (map.DataSection is null || map.Contents.Count != 1 || !Btf.TryFindType(map.DataSection, BtfKind.DataSection, out uint id)) continue;
            foreach (var slot in ((BtfDataSection)Btf[id]).Variables)
                if (Btf[slot.TypeId] is BtfVariable variable && variable.Name.Length > 0)
                    globals[variable.Name] = new GlobalVariable(variable.Name, map.Name, slot.Offset, slot.Size, map.Freeze);
        }
        return globals;
    }
}
