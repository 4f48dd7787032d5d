using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Inspect.Conformance;

/// <summary>Runs conformance <c>.data</c> files: parse, assemble (or take <c>-- raw</c>), decode, execute, compare r0.</summary>
/// <param name="execute">Runs program bytes on memory and returns r0; throws when the program is refused.</param>
internal sealed class ConformanceRunner(Func<byte[], byte[], ulong> execute)
{
    public ConformanceOutcome Evaluate(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        ConformanceTestFile test;
        byte[] program;
        try
        {
            test = ConformanceTestFile.Load(path);
        }
        catch (FormatException e)
        {
            return new(name, false, ConformanceStage.File, e.Message);
        }
        try
        {
            program = test.ProgramBytes();
        }
        catch (FormatException e)
        {
            return Rejected(test, ConformanceStage.Assembly, e.Message);
        }
        if (!InstructionDecoder.TryDecode(program, out _, out var invalid))
            return Rejected(test, ConformanceStage.Decoding, invalid.Message);

        ulong r0;
        try
        {
            r0 = execute(program, test.Memory);
        }
        catch (Exception e) when (e is BpfException or FormatException)
        {
            return Rejected(test, ConformanceStage.Kernel, e.Message);
        }
        if (test.ExpectsError)
            return new(name, false, ConformanceStage.Completed, $"expected an error ({test.ExpectedError}) but r0 = 0x{r0:x}");
        return r0 == test.ExpectedResult
            ? new(name, true, ConformanceStage.Completed, $"r0 = 0x{r0:x}")
            : new(name, false, ConformanceStage.Completed, $"r0 = 0x{r0:x}, expected 0x{test.ExpectedResult:x}");
    }

    static ConformanceOutcome Rejected(ConformanceTestFile test, ConformanceStage stage, string message) =>
        new(test.Name, test.ExpectsError, stage, message);
}
