using System.Reflection;
using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Programs;

/// <summary>(b) Each regression program class's object loads through the kernel verifier, and every program method of the
/// class is under differential test.</summary>
public class ProgramVerifierTests
{
    [Theory]
    [MemberData(nameof(ProgramSuites.Names), MemberType = typeof(ProgramSuites))]
    public void Object_loads_through_the_verifier(string suiteName)
    {
        Privileged.RequireRoot();
        var suite = ProgramSuites.All[suiteName];
        using var collection = Collection.Load(CollectionSpec.Read(suite.ObjectBytes));
        Assert.Equal(suite.Programs.Select(p => p.Name).Order(StringComparer.Ordinal), collection.Programs.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ProgramSuites.Names), MemberType = typeof(ProgramSuites))]
    public void Every_program_method_has_a_differential_entry(string suiteName)
    {
        var suite = ProgramSuites.All[suiteName];
        var methods = suite.KernelClass.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.GetCustomAttributes<Kernel.ProgramAttribute>().Any())
            .Select(m => m.Name);
        Assert.Equal(methods.Order(StringComparer.Ordinal), suite.Programs.Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
