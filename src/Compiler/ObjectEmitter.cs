using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Compiler;

/// <summary>Lowers the model to instructions and writes the ELF object with Sharp.Bpf's <see cref="BpfObjectBuilder"/>.</summary>
internal static class ObjectEmitter
{
    const int MaxColumn = (1 << 10) - 1;

    public static EmittedObject Emit(ObjectModel model)
    {
        if (model.Diagnostics.Any(d => d.Id.StartsWith("SBPF", StringComparison.Ordinal)))
            return new EmittedObject(model, EquatableArray<byte>.Empty, model.Diagnostics);
        try
        {
            var builder = new BpfObjectBuilder(model.License);
            uint intType = builder.AddType(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
            uint voidPointer = builder.AddType(new BtfPointer(0));
            foreach (var program in model.Programs)
            {
                uint prototype = builder.AddType(new BtfFunctionProto(intType, [new BtfParameter(program.ContextParameterName, voidPointer)]));
                string file = program.ReturnAt.FilePath.Length > 0 ? program.ReturnAt.FilePath : model.ClassName + ".cs";
                var function = new FunctionDefinition(program.Name,
                [
                    Instruction.Alu64(AluOperation.Mov, Register.R0, program.ReturnValue),
                    Instruction.Exit(),
                ], prototype)
                {
                    Lines = [new SourceLine(0, file, program.ReturnAt.StartLine + 1, Math.Min(program.ReturnAt.StartColumn + 1, MaxColumn), program.ReturnText)],
                };
                builder.AddProgram(program.SectionName, function);
            }
            return new EmittedObject(model, builder.Build().ToEquatableArray(), model.Diagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var where = model.Programs.Count > 0 ? model.Programs[0].ReturnAt : null;
            return new EmittedObject(model, EquatableArray<byte>.Empty,
                model.Diagnostics.Append(new DiagnosticInfo("SBPF9000", where, $"{exception.GetType().Name}: {exception.Message}")).ToEquatableArray());
        }
    }
}
