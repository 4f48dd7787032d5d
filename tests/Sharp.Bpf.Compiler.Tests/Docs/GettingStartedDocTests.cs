using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharp.Bpf.Compiler.Tests.Objects;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Docs;

/// <summary>docs/getting-started.md does what it says. Each of its <c>csharp</c> blocks starts with a comment naming its file
/// (<c>// Counter.cs</c>); the files form the guide's app (every file but the tests, with one of the guide's versions of
/// Program.cs) and its test project (<c>*Tests.cs</c>). The kernel class compiles through the generator with no compiler
/// diagnostic, every version of the app compiles, the unit test passes on the managed semantics, and as root the app runs
/// against the kernel and prints what the guide shows.</summary>
public partial class GettingStartedDocTests
{
    static readonly string DocumentPath = Path.Combine(RepositoryPaths.Root, "docs", "getting-started.md");

    static readonly IReadOnlyList<CodeBlock> Blocks = CodeBlock.Parse(File.ReadAllLines(DocumentPath));

    /// <summary>What <c>dotnet new console</c> and <c>dotnet new xunit</c> projects import implicitly (ImplicitUsings).</summary>
    const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(Kernel.BpfObjectAttribute).Assembly.Location),
    ];

    static IEnumerable<CodeBlock> AppFiles => Blocks.Where(b => b.FileName != "Program.cs" && !b.IsTest);

    static IReadOnlyList<CodeBlock> ProgramVersions => [.. Blocks.Where(b => b.FileName == "Program.cs")];

    public static TheoryData<int> ProgramVersionIndexes => [.. Enumerable.Range(0, ProgramVersions.Count)];

    [Fact]
    public void Every_code_block_names_its_file()
    {
        Assert.NotEmpty(Blocks);
        Assert.All(Blocks, block => Assert.True(block.FileName is not null,
            $"docs/getting-started.md:{block.Line}: a csharp block must start with a '// Name.cs' comment"));
    }

    [Fact]
    public void Guide_has_a_kernel_class_a_unit_test_and_a_program_that_runs_and_one_that_attaches()
    {
        Assert.Contains(AppFiles, block => block.Source.Contains("[BpfObject", StringComparison.Ordinal));
        Assert.Contains(Blocks, block => block.IsTest);
        Assert.Equal(2, ProgramVersions.Count);
    }

    [Fact]
    public void Kernel_class_compiles_with_no_compiler_diagnostic()
    {
        foreach (var kernel in AppFiles.Where(block => block.Source.Contains("[BpfObject", StringComparison.Ordinal)))
            Assert.Empty(GeneratorHarness.CompilerDiagnostics(kernel.Source));
    }

    [Theory]
    [MemberData(nameof(ProgramVersionIndexes))]
    public void App_compiles_with_each_version_of_Program(int version)
    {
        var (_, image) = BuildApp(version);
        Assert.NotEmpty(image);
    }

    [Fact]
    public void Unit_test_passes_on_the_managed_semantics()
    {
        var (_, appImage) = BuildApp(0);
        var tests = Compile("PacketCounter.Tests", OutputKind.DynamicallyLinkedLibrary,
            Blocks.Where(b => b.IsTest), [MetadataReference.CreateFromImage(appImage)]);
        var testImage = Emit(tests);

        var context = new GuideLoadContext(appImage);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(testImage));
            var facts = assembly.GetTypes()
                .SelectMany(type => type.GetMethods().Select(method => (type, method)))
                .Where(test => test.method.GetCustomAttributes().Any(a => a.GetType().Name == "FactAttribute"))
                .ToList();
            Assert.NotEmpty(facts);
            foreach (var (type, method) in facts)
            {
                try
                {
                    method.Invoke(Activator.CreateInstance(type), null);
                }
                catch (TargetInvocationException failure) when (failure.InnerException is not null)
                {
                    throw new Xunit.Sdk.XunitException($"{type.Name}.{method.Name} failed: {failure.InnerException}");
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Program_that_test_runs_the_counter_prints_what_the_guide_shows()
    {
        Privileged.RequireRoot();
        var program = ProgramVersions[0];
        Assert.True(program.Output is not null, "the guide shows no output after the first Program.cs");

        string output = RunApp(0, []);

        Assert.Equal(Normalize(program.Output), Normalize(output));
    }

    [Fact]
    public async Task Program_that_attaches_counts_the_udp_packets_the_interface_receives()
    {
        Privileged.RequireRoot();
        using var pair = new NetworkNamespacePair();
        const int MaxDatagrams = 400;
        int sent = 0;
        using var done = new CancellationTokenSource();
        // The app attaches, waits its given seconds and prints; the sender keeps sending from the other namespace until the
        // app has returned, so the window the app counts in is full of datagrams whatever the load time.
        var sender = Task.Run(() => pair.RunInB(() =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var target = new IPEndPoint(pair.AddressA, 9);
            while (!done.IsCancellationRequested && sent < MaxDatagrams)
            {
                socket.SendTo(new byte[32], target);
                sent++;
                Thread.Sleep(10);
            }
            return sent;
        }), TestContext.Current.CancellationToken);

        string output;
        try
        {
            output = pair.RunInA(() => RunApp(1, [pair.InterfaceA, "2"]));
        }
        finally
        {
            done.Cancel();
        }
        int total = await sender;

        Assert.StartsWith($"Counting IPv4 packets on {pair.InterfaceA} for 2 s...", output, StringComparison.Ordinal);
        var udp = UdpLine().Match(output);
        Assert.True(udp.Success, $"no UDP count in the output:\n{output}");
        ulong counted = ulong.Parse(udp.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(counted, 1UL, (ulong)total);
    }

    [GeneratedRegex(@"^protocol 17: (\d+) packets$", RegexOptions.Multiline)]
    private static partial Regex UdpLine();

    static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>The guide's app with version <paramref name="version"/> of Program.cs, compiled with the generator: the
    /// compilation and its image. Fails on any generator or C# error.</summary>
    static (Compilation Compilation, byte[] Image) BuildApp(int version)
    {
        var compilation = Compile("PacketCounter", OutputKind.ConsoleApplication, [.. AppFiles, ProgramVersions[version]], []);
        var (result, output, diagnostics) = GeneratorHarness.Run(compilation);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        return (output, Emit(output));
    }

    static CSharpCompilation Compile(string assemblyName, OutputKind kind, IEnumerable<CodeBlock> files, IEnumerable<MetadataReference> extra)
    {
        var token = TestContext.Current.CancellationToken;
        var trees = files
            .Select(file => CSharpSyntaxTree.ParseText(file.Source, GeneratorHarness.ParseOptions, path: $"/guide/{file.FileName}", cancellationToken: token))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, GeneratorHarness.ParseOptions, path: "/guide/GlobalUsings.g.cs", cancellationToken: token));
        return CSharpCompilation.Create(assemblyName, trees, [.. References, .. extra],
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }

    static byte[] Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return image.ToArray();
    }

    /// <summary>Runs the app built with version <paramref name="version"/> of Program.cs, as <c>dotnet PacketCounter.dll
    /// args</c> would, and returns what it wrote to the console.</summary>
    static string RunApp(int version, string[] args)
    {
        var (_, image) = BuildApp(version);
        var context = new GuideLoadContext(image);
        var original = Console.Out;
        var output = new StringWriter();
        try
        {
            var app = context.LoadFromAssemblyName(new AssemblyName("PacketCounter"));
            Console.SetOut(output);
            try
            {
                app.EntryPoint!.Invoke(null, [args]);
            }
            catch (TargetInvocationException failure) when (failure.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure.InnerException).Throw();
            }
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }
        return output.ToString();
    }

    /// <summary>Loads the guide's app from its image; everything else (Sharp.Bpf, xunit) comes from the test's own context.</summary>
    sealed class GuideLoadContext(byte[] appImage) : AssemblyLoadContext("getting-started", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == "PacketCounter" ? LoadFromStream(new MemoryStream(appImage)) : null;
    }

    /// <summary>A <c>csharp</c> block of the guide: the file its first-line comment names, its source, and the first
    /// <c>text</c> block that follows it before the next <c>csharp</c> block (what running it prints).</summary>
    sealed record CodeBlock(int Line, string? FileName, string Source, string? Output)
    {
        public bool IsTest => FileName?.EndsWith("Tests.cs", StringComparison.Ordinal) == true;

        public static IReadOnlyList<CodeBlock> Parse(string[] lines)
        {
            var blocks = new List<CodeBlock>();
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
                string language = lines[i][3..].Trim();
                int end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                if (end < 0) throw new FormatException($"{DocumentPath}:{i + 1}: unterminated code block");
                string body = string.Join("\n", lines[(i + 1)..end]);
                if (language == "csharp")
                {
                    var name = Regex.Match(lines[i + 1], @"^// (\S+\.cs)$");
                    blocks.Add(new CodeBlock(i + 1, name.Success ? name.Groups[1].Value : null, body, null));
                }
                else if (language == "text" && blocks.Count > 0 && blocks[^1].Output is null)
                {
                    blocks[^1] = blocks[^1] with { Output = body };
                }
                i = end;
            }
            return blocks;
        }
    }
}
