namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Runs one program on every generated input twice — as managed C# (the oracle) and in the kernel with
/// <c>BPF_PROG_TEST_RUN</c>, one run per input — and records each input where the return value, the packet left behind
/// or a compared map differs.</summary>
public static class DifferentialRunner
{
    /// <summary>How many mismatches a report spells out in full.</summary>
    const int DetailedMismatches = 5;

    /// <summary>A stable seed per program (string hashes are randomised per process), so failures reproduce.</summary>
    public static int SeedOf(ProgramSuite suite, DifferentialProgram program)
    {
        uint hash = 2166136261;
        foreach (char c in $"{suite.Name}.{program.Name}") hash = (hash ^ c) * 16777619;
        return (int)(hash & int.MaxValue);
    }

    /// <summary>Runs <paramref name="program"/> of <paramref name="suite"/> in <paramref name="collection"/> (loaded from
    /// the suite's object, fresh, so its maps and globals are in their initial state) and in managed code.</summary>
    public static DifferentialReport Run(ProgramSuite suite, DifferentialProgram program, Collection collection)
    {
        if (!collection.Programs.TryGetValue(program.Name, out var kernel))
            throw new InvalidOperationException($"{suite.Name}'s object has no program '{program.Name}'");
        suite.ResetManagedState();
        var inputs = program.Inputs.Generate(program.InputCount, SeedOf(suite, program));
        var mismatches = new List<string>();
        int failures = 0;
        foreach (var input in inputs)
        {
            var managedPacket = (byte[])input.Clone();
            var differences = new List<string>();
            string managedResult;
            uint? managedValue = null;
            try
            {
                managedValue = program.RunManaged(managedPacket);
                managedResult = Format(managedValue.Value);
            }
            catch (Exception exception)
            {
                managedResult = $"threw {exception.GetType().Name}: {exception.Message} (the program must guard this input)";
                differences.Add("managed execution threw");
            }
            var kernelResult = kernel.Test(new ProgramTestOptions
            {
                Data = input,
                Context = program.ContextOf?.Invoke(input) ?? default,
                ContextOutCapacity = program.ContextOf is null ? null : 0,
            });
            if (managedValue is { } value && value != kernelResult.ReturnValue) differences.Add("return value");
            if (managedValue is not null && !SamePacket(kernelResult.DataOut, managedPacket, program.PacketComparedFrom))
                differences.Add($"packet out: managed {Convert.ToHexString(managedPacket)}, kernel {Convert.ToHexString(kernelResult.DataOut)}");
            foreach (var map in program.Maps)
            {
                var managedContents = map.Managed();
                var kernelContents = map.Kernel(collection.Maps[map.MapName]);
                if (!managedContents.SequenceEqual(kernelContents))
                    differences.Add($"map {map.MapName}: managed {Render(managedContents)}, kernel {Render(kernelContents)}");
            }
            if (differences.Count == 0) continue;
            failures++;
            if (mismatches.Count < DetailedMismatches)
                mismatches.Add($"input {program.Inputs.Describe(input)}\n  managed: {managedResult}\n  kernel:  {Format(kernelResult.ReturnValue)}\n  differs: {string.Join("; ", differences)}");
        }
        return new DifferentialReport(suite.Name, program.Name, inputs.Count, failures, mismatches, ObjectListing.Of(suite.ObjectBytes));
    }

    static bool SamePacket(byte[] kernel, byte[] managed, int from) =>
        kernel.Length == managed.Length && kernel.AsSpan(Math.Min(from, kernel.Length)).SequenceEqual(managed.AsSpan(Math.Min(from, managed.Length)));

    static string Format(uint value) => $"{value} (0x{value:X8}, as int {(int)value})";

    static string Render(IReadOnlyDictionary<string, string> contents) =>
        contents.Count == 0 ? "{}" : "{ " + string.Join(", ", contents.Select(e => $"{e.Key}: {e.Value}")) + " }";
}
