using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Every <see cref="ProgramSuite"/> in this assembly, found by reflection, so a program class joins the
/// regression suite by being added to the project, with no list to edit.</summary>
public static class ProgramSuites
{
    /// <summary>The suites by name.</summary>
    public static IReadOnlyDictionary<string, ProgramSuite> All { get; } = typeof(ProgramSuite).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ProgramSuite)) && !t.IsAbstract)
        .Select(t => (ProgramSuite)Activator.CreateInstance(t)!)
        .ToDictionary(s => s.Name);

    /// <summary>Theory data: each suite's name.</summary>
    public static TheoryData<string> Names => [.. All.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Theory data: each suite's name and each of its programs' names.</summary>
    public static TheoryData<string, string> ProgramNames
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var suite in All.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
                foreach (var program in suite.Programs)
                    data.Add(suite.Name, program.Name);
            return data;
        }
    }
}
