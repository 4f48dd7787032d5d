using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>Collects the programs, subprograms, maps, global variables and BTF types of one eBPF object and writes it as an ordinary
/// libbpf-style ELF object (ELFCLASS64, little-endian, ET_REL, EM_BPF) that libbpf, bpftool, llvm-objdump and
/// <see cref="CollectionSpec.Read"/> all read. Pure: nothing here touches the kernel.</summary>
/// <remarks>
/// <para>What is written: one section per program section name (<c>xdp</c>, <c>tc</c>, <c>tracepoint/sched/sched_switch</c>, ...)
/// holding its programs as global functions; <c>.text</c> holding the subprograms; <c>.rel&lt;section&gt;</c> relocations
/// (<c>R_BPF_64_64</c> for map, global and subprogram address loads, <c>R_BPF_64_32</c> for calls); BTF-defined maps in <c>.maps</c>; globals in
/// <c>.data</c>/<c>.rodata</c>/<c>.bss</c>; <c>license</c>; <c>.BTF</c> (the caller's types, a <c>FUNC</c> per function, the map
/// definitions, a <c>VAR</c> per map and global, a <c>DATASEC</c> per data section with offsets and sizes filled in); <c>.BTF.ext</c>
/// (func_info and line_info); and a DWARF line table so that <c>llvm-objdump -d -l</c> shows the source lines.</para>
/// <para>Input mistakes that can be seen when an item is added throw <see cref="ArgumentException"/> then; those that need the whole
/// object (unknown names, type ids, sizes) throw <see cref="InvalidOperationException"/> from <see cref="Build"/>. Both name the item.</para>
/// </remarks>
public sealed class BpfObjectBuilder
{
    const int MaxLine = (1 << 22) - 1;
    const int MaxColumn = (1 << 10) - 1;

    readonly BtfBuilder typeCheck = new();
    readonly List<BtfType> types = [];
    readonly List<(string SectionName, FunctionDefinition Function)> programs = [];
    readonly List<(FunctionDefinition Function, BtfFunctionLinkage Linkage)> subprograms = [];
    readonly List<MapDefinition> maps = [];
    readonly List<GlobalDefinition> globals = [];
    readonly HashSet<string> names = new(StringComparer.Ordinal);

    /// <summary>Starts an object with the given licence, which the kernel checks before allowing GPL-only helpers.</summary>
    /// <param name="license">The licence string, e.g. <c>GPL</c> or <c>Dual MIT/GPL</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="license"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="license"/> is empty or contains NUL.</exception>
    public BpfObjectBuilder(string license)
    {
        ArgumentNullException.ThrowIfNull(license);
        if (license.Length == 0 || license.Contains('\0'))
            throw new ArgumentException("the licence must be a non-empty string without NUL", nameof(license));
        License = license;
    }

    /// <summary>The licence written to the <c>license</c> section.</summary>
    public string License { get; }

    /// <summary>Adds a BTF type that maps, globals and function prototypes refer to (a key or value struct, an integer, a
    /// <see cref="BtfFunctionProto"/>, ...). Types get ids in the order added, the first id 1, and may refer to types added later.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its id in the object's BTF.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="type"/> is <see cref="BtfVoid"/> or cannot be encoded (see <see cref="BtfBuilder.Add"/>).</exception>
    public uint AddType(BtfType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        uint id = typeCheck.Add(type);
        types.Add(type);
        return id;
    }

    /// <summary>Adds a program: a global function in the section <paramref name="sectionName"/>, whose name tells the loader its
    /// type and attach point by libbpf's conventions. Several programs may share a section.</summary>
    /// <param name="sectionName">The section, e.g. <c>xdp</c>, <c>tc</c>, <c>tcx/ingress</c>, <c>socket</c>, <c>tracepoint/syscalls/sys_enter_openat</c>.</param>
    /// <param name="program">The program's function.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The section name follows none of libbpf's conventions, or the function is invalid
    /// (see <see cref="AddSubprogram"/>).</exception>
    public void AddProgram(string sectionName, FunctionDefinition program)
    {
        ArgumentNullException.ThrowIfNull(sectionName);
        ArgumentNullException.ThrowIfNull(program);
        if (!SectionConventions.TryMatch(sectionName, out _))
            throw new ArgumentException($"program '{program.Name}': section name '{sectionName}' follows none of libbpf's conventions (xdp, tc, tcx/ingress, socket, tracepoint/<category>/<name>, kprobe/<function>, ...)", nameof(sectionName));
        Check(program);
        programs.Add((sectionName, program));
    }

    /// <summary>Adds a subprogram, which programs and other subprograms call through <see cref="SubprogramCall"/> references
    /// or pass as a callback through <see cref="SubprogramAddress"/> references.
    /// It goes to <c>.text</c>; a static one is verified as part of each caller, a global one once on its own (Linux 5.6).</summary>
    /// <param name="subprogram">The function.</param>
    /// <param name="linkage"><see cref="BtfFunctionLinkage.Static"/> or <see cref="BtfFunctionLinkage.Global"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subprogram"/> is null.</exception>
    /// <exception cref="ArgumentException">The linkage is extern; or the name is not a C identifier or is already used by a
    /// function, map or global; or the function has no instructions or an invalid one; or a reference is out of range, on an
    /// instruction of the wrong kind (map and global loads need an <c>lddw</c>, calls a <c>call</c>) or shares an instruction with
    /// another; or a BPF-to-BPF call has no reference; or a source line is out of range, repeated, or missing on the first
    /// instruction while others have one.</exception>
    public void AddSubprogram(FunctionDefinition subprogram, BtfFunctionLinkage linkage = BtfFunctionLinkage.Static)
    {
        ArgumentNullException.ThrowIfNull(subprogram);
        if (linkage is not (BtfFunctionLinkage.Static or BtfFunctionLinkage.Global))
            throw new ArgumentException($"subprogram '{subprogram.Name}': linkage must be static or global, not {linkage}", nameof(linkage));
        Check(subprogram);
        subprograms.Add((subprogram, linkage));
    }

    /// <summary>Adds a BTF-defined map to <c>.maps</c>.</summary>
    /// <param name="map">The map.</param>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is not a C identifier or is already used, or a key or value is given both
    /// as a BTF type and as a size.</exception>
    public void AddMap(MapDefinition map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.KeyTypeId != 0 && map.KeySize != 0 || map.ValueTypeId != 0 && map.ValueSize != 0)
            throw new ArgumentException($"map '{map.Name}': give the key and the value either as a BTF type or as a size, not both", nameof(map));
        ClaimName(map.Name, "map", nameof(map));
        maps.Add(map);
    }

    /// <summary>Adds a global variable.</summary>
    /// <param name="global">The variable.</param>
    /// <exception cref="ArgumentNullException"><paramref name="global"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is not a C identifier or is already used, the section is not <c>.data</c>,
    /// <c>.rodata</c>, <c>.bss</c> or one of their families, or a <c>.bss</c> variable has an initial value.</exception>
    public void AddGlobal(GlobalDefinition global)
    {
        ArgumentNullException.ThrowIfNull(global);
        if (!GlobalDataSection.IsGlobalData(global.SectionName))
            throw new ArgumentException($"global '{global.Name}': section '{global.SectionName}' is not .data, .rodata, .bss or one of their .<name> families", nameof(global));
        if (global.SectionName.StartsWith(".bss", StringComparison.Ordinal) && !global.InitialValue.IsEmpty)
            throw new ArgumentException($"global '{global.Name}': {global.SectionName} is zero-filled, so it cannot have an initial value", nameof(global));
        ClaimName(global.Name, "global", nameof(global));
        globals.Add(global);
    }

    /// <summary>Writes the object. The same additions always give the same bytes.</summary>
    /// <returns>The ELF object file.</returns>
    /// <exception cref="InvalidOperationException">A reference names a map, global or subprogram that was not added, or a global
    /// load's offset is outside its variable; a type id is missing or of the wrong kind (a prototype that is not a
    /// <see cref="BtfFunctionProto"/>, a key, value or global type without a size); an initial value is not its type's size; some
    /// functions have source lines and others not (the kernel needs a line at the start of every function once any has one);
    /// or the BTF types added are invalid.</exception>
    public byte[] Build() => BpfObjectWriter.Write(License, types, programs, subprograms, maps, globals);

    void Check(FunctionDefinition function)
    {
        string where = $"function '{function.Name}'";
        if (function.Instructions.Count == 0)
            throw new ArgumentException($"{where} has no instructions", nameof(function));
        for (int i = 0; i < function.Instructions.Count; i++)
            if (function.Instructions[i].Validate() is { } reason)
                throw new ArgumentException($"{where}: instruction {i} ({function.Instructions[i].Opcode:x2}) is invalid: {reason}", nameof(function));
        var referenced = new HashSet<int>();
        foreach (var reference in function.References)
        {
            ArgumentNullException.ThrowIfNull(reference, nameof(function));
            string what = $"{where}: the reference to '{reference.TargetName}' at instruction {reference.InstructionIndex}";
            if (reference.InstructionIndex < 0 || reference.InstructionIndex >= function.Instructions.Count)
                throw new ArgumentException($"{what} is outside its {function.Instructions.Count} instructions", nameof(function));
            var instruction = function.Instructions[reference.InstructionIndex];
            if (reference is SubprogramCall ? !instruction.IsCall : !instruction.IsWide)
                throw new ArgumentException($"{what} is on '{instruction}', which is not {(reference is SubprogramCall ? "a call" : "an lddw")}", nameof(function));
            if (!referenced.Add(reference.InstructionIndex))
                throw new ArgumentException($"{what} is the second reference on that instruction", nameof(function));
        }
        for (int i = 0; i < function.Instructions.Count; i++)
            if (function.Instructions[i] is { IsCall: true, CallKind: CallKind.Local } && !referenced.Contains(i))
                throw new ArgumentException($"{where}: instruction {i} is a BPF-to-BPF call without a {nameof(SubprogramCall)} reference naming the callee", nameof(function));
        CheckLines(function, where);
        ClaimName(function.Name, "function", nameof(function));
    }

    static void CheckLines(FunctionDefinition function, string where)
    {
        if (function.Lines.Count == 0) return;
        var annotated = new HashSet<int>();
        foreach (var line in function.Lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(function));
            string what = $"{where}: the source line for instruction {line.InstructionIndex}";
            if (line.InstructionIndex < 0 || line.InstructionIndex >= function.Instructions.Count)
                throw new ArgumentException($"{what} is outside its {function.Instructions.Count} instructions", nameof(function));
            if (!annotated.Add(line.InstructionIndex))
                throw new ArgumentException($"{what} is given twice", nameof(function));
            if (line.Line is < 1 or > MaxLine)
                throw new ArgumentException($"{what} has line number {line.Line}; BTF holds 1..{MaxLine}", nameof(function));
            if (line.Column is < 0 or > MaxColumn)
                throw new ArgumentException($"{what} has column {line.Column}; BTF holds 0..{MaxColumn}", nameof(function));
            if (string.IsNullOrEmpty(line.FilePath) || line.FilePath.Contains('\0') || line.Text is null || line.Text.Contains('\0'))
                throw new ArgumentException($"{what} needs a non-empty file path, and a text, without NUL", nameof(function));
        }
        if (!annotated.Contains(0))
            throw new ArgumentException($"{where} has source lines but none for its first instruction, which the kernel requires", nameof(function));
    }

    void ClaimName(string name, string what, string parameter)
    {
        if (!IsIdentifier(name))
            throw new ArgumentException($"{what} name '{name}' is not a C identifier (letters, digits and _, not starting with a digit)", parameter);
        if (!names.Add(name))
            throw new ArgumentException($"{what} name '{name}' is already used by a function, map or global of this object", parameter);
    }

    static bool IsIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
