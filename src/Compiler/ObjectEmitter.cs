using Sharp.Bpf.Btf;
using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Objects;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Types;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Compiler;

/// <summary>Compiles each program's IR and each <c>Bpf.Loop</c> body's (<see cref="Optimizer"/>, then
/// <see cref="FunctionCompiler"/>) and writes the ELF object with Sharp.Bpf's <see cref="BpfObjectBuilder"/>: BTF for every
/// map key and value and every global, function prototypes with the context parameter typed, the loop bodies as
/// subprograms in <c>.text</c>, the maps, the globals and the licence. Never throws: a failure becomes
/// SBPF9000.</summary>
internal static class ObjectEmitter
{
    public static EmittedObject Emit(ObjectModel model) => Emit(model, new BackendOptions());

    public static EmittedObject Emit(ObjectModel model, BackendOptions options)
    {
        if (model.HasErrors || model.Programs.Any(program => program.Function is null))
            return new EmittedObject(model, EquatableArray<byte>.Empty, model.Diagnostics);
        var diagnostics = new List<DiagnosticInfo>(model.Diagnostics);
        try
        {
            var builder = new BpfObjectBuilder(model.License);
            var types = new BtfTypeWriter(builder);
            foreach (var program in model.Programs)
            {
                var compiled = FunctionCompiler.Compile(Optimizer.Optimize(program.Function!), options);
                diagnostics.AddRange(compiled.Diagnostics);
                if (compiled.Function is not { } function) continue;
                uint prototype = types.Intern(new BtfFunctionProto(types.Int(), Parameters(program, types)));
                try
                {
                    builder.AddProgram(program.Declaration.SectionName, new FunctionDefinition(function.Name, function.Instructions, prototype)
                    {
                        References = function.References,
                        Lines = Lines(model, function.Lines),
                    });
                }
                catch (ArgumentException exception) when (exception.ParamName == "sectionName")
                {
                    // The attribute's arguments make a section name libbpf would not recognise (an empty probe target).
                    diagnostics.Add(new DiagnosticInfo(Diagnostics.InvalidProgramDeclaration.Id, program.At, exception.Message));
                }
            }
            // A loop body used by several programs is one copy in .text, which the loader links into each; the model builder
            // has reported any two different bodies of one name.
            foreach (var subprogram in model.Programs.SelectMany(program => program.Subprograms).GroupBy(function => function.Name).Select(group => group.First()))
            {
                var compiled = FunctionCompiler.Compile(Optimizer.Optimize(subprogram), options);
                diagnostics.AddRange(compiled.Diagnostics);
                if (compiled.Function is not { } function) continue;
                builder.AddSubprogram(new FunctionDefinition(function.Name, function.Instructions, LoopBodyPrototype(types))
                {
                    References = function.References,
                    Lines = Lines(model, function.Lines),
                });
            }
            foreach (var map in model.Maps)
            {
                builder.AddMap(new MapDefinition(map.Name, map.Type, map.MaxEntries)
                {
                    KeyTypeId = map.Key is null ? 0 : types.Add(map.Key),
                    ValueTypeId = map.Value is null ? 0 : types.Add(map.Value),
                    KeySize = map.KeySize,
                    ValueSize = map.ValueSize,
                    Flags = map.Flags,
                    Pinning = map.Pinning,
                });
            }
            foreach (var global in model.Globals)
            {
                builder.AddGlobal(new GlobalDefinition(global.Name, global.SectionName, types.Add(global.Type))
                {
                    // .rodata and .data hold their bytes even when zero; .bss has none.
                    InitialValue = global.SectionName == ".bss" ? ReadOnlyMemory<byte>.Empty
                        : global.InitialValue.Count > 0 ? global.InitialValue.AsImmutableArray().ToArray() : new byte[global.Type.Size],
                });
            }
            if (diagnostics.Count > model.Diagnostics.Count)
                return new EmittedObject(model, EquatableArray<byte>.Empty, diagnostics.ToEquatableArray());
            return new EmittedObject(model, builder.Build().ToEquatableArray(), model.Diagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var where = model.Programs.Count > 0 ? model.Programs[0].At : null;
            diagnostics.Add(new DiagnosticInfo(Diagnostics.InternalError.Id, where, $"{exception.GetType().Name}: {exception.Message}"));
            return new EmittedObject(model, EquatableArray<byte>.Empty, diagnostics.ToEquatableArray());
        }
    }

    static IReadOnlyList<SourceLine> Lines(ObjectModel model, IReadOnlyList<SourceLine> lines) =>
        model.PathMap.Count == 0 ? lines : [.. lines.Select(line => line with { FilePath = model.MapPath(line.FilePath) })];

    /// <summary>A <c>bpf_loop</c> callback's prototype as clang types it: <c>long (unsigned int index, void *context)</c>.</summary>
    static uint LoopBodyPrototype(BtfTypeWriter types) => types.Intern(new BtfFunctionProto(types.Add(new IntegerShape("long", 8, true)),
        [new BtfParameter("index", types.Add(new IntegerShape("uint", 4, false))), new BtfParameter("context", types.VoidPointer())]));

    /// <summary>The prototype's parameter: the context pointer typed as clang types it.</summary>
    static BtfParameter[] Parameters(ProgramModel program, BtfTypeWriter types) => program.Context switch
    {
        null => [],
        { KernelStructName: { } kernelStruct } context => [new BtfParameter(context.Name, types.PointerToKernelStruct(kernelStruct))],
        { Shape: { } shape } context => [new BtfParameter(context.Name, types.Intern(new BtfPointer(types.Add(shape))))],
        { } context => [new BtfParameter(context.Name, types.VoidPointer())],
    };
}
