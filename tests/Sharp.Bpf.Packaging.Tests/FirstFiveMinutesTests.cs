using System.IO.Compression;
using System.Xml.Linq;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Packaging.Tests;

/// <summary>A user's first five minutes with the packages from <see cref="LocalFeed"/>, in fresh projects outside the
/// repository: the template, a console project that adds Sharp.Bpf, the sharp-bpf tool, and a single-file app that names
/// the package.</summary>
public sealed class FirstFiveMinutesTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void Sharp_Bpf_package_carries_the_library_and_beside_the_generator_the_analyzer_and_their_dependencies()
    {
        using var package = ZipFile.OpenRead(feed.Package("Sharp.Bpf"));
        var entries = package.Entries.Select(entry => entry.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/Sharp.Bpf.dll", entries);
        Assert.Equal(
            ["LibObjectFile.dll", "Sharp.Bpf.Analyzers.dll", "Sharp.Bpf.Compiler.dll", "Sharp.Bpf.dll", "Tmds.LibC.dll"],
            entries.Where(name => name.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)).Select(Path.GetFileName).Order());
        using var nuspec = package.GetEntry("Sharp.Bpf.nuspec")!.Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(element => element.Name.LocalName == "dependency")
            .Select(element => (string)element.Attribute("id")!).Order();
        Assert.Equal(["LibObjectFile", "Tmds.LibC"], dependencies);
    }

    [Fact]
    public void Template_project_builds_and_its_tests_pass_in_the_kernel()
    {
        Privileged.RequireRoot();
        ChildProcess.Dotnet(feed.Root, TimeSpan.FromMinutes(5), "new", "install", $"Sharp.Bpf.Templates::{feed.Version}",
            "--add-source", feed.Feed, "--debug:custom-hive", feed.TemplateHive);
        var folder = Path.Combine(feed.Root, "Starter");
        ChildProcess.Dotnet(feed.Root, RunTimeout, "new", "sharpbpf", "-n", "Starter", "-o", folder, "--debug:custom-hive", feed.TemplateHive);

        var output = ChildProcess.Dotnet(folder, BuildTimeout, "test", "Starter.slnx");

        // Both tests ran: the managed one and, as root, the one that runs the program in the kernel.
        Assert.Matches(@"Failed:\s+0, Passed:\s+2, Skipped:\s+0, Total:\s+2", output);
    }

    [Fact]
    public void Kernel_method_in_a_project_that_adds_the_package_loads_through_the_verifier_and_test_runs()
    {
        Privileged.RequireRoot();
        var assembly = feed.FirstProjectAssembly;

        var output = ChildProcess.Dotnet(Path.GetDirectoryName(assembly)!, RunTimeout, assembly);

        Assert.Contains("unicast -> 2", output);   // XDP_PASS
        Assert.Contains("broadcast -> 1", output); // XDP_DROP
    }

    [Fact]
    public void Kernel_method_the_compiler_cannot_compile_fails_the_build_with_the_analyzer_diagnostic()
    {
        // Only the analyzer reports the compiler's diagnostics: without it in the package this build would succeed, with an
        // empty ObjectBytes.
        var folder = Path.Combine(feed.Root, "FloatingProbe");
        FirstProject.Create(feed, folder, "FloatingProbe", "Scaled.cs", """
            using Sharp.Bpf.Kernel;

            [BpfObject(License = "GPL")]
            public static partial class Scaled
            {
                [SocketFilter]
                public static int Keep(SkBuff skb) => (int)(skb.Len * 1.5);
            }
            """);

        using var build = ChildProcess.Start("dotnet", folder, "build");
        var exitCode = build.WaitForExit(BuildTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"Kernel/Scaled\.cs\(7,\d+\): error SBPF0005", build.Output);
    }

    [Fact]
    public void Tool_installed_from_the_feed_dumps_the_kernel_method_with_its_csharp_lines()
    {
        var tools = Path.Combine(feed.Root, "tools");
        ChildProcess.Dotnet(feed.Root, TimeSpan.FromMinutes(5), "tool", "install", "sharp-bpf", "--version", feed.Version,
            "--tool-path", tools, "--add-source", feed.Feed);
        var assembly = feed.FirstProjectAssembly;

        using var dump = ChildProcess.Start(Path.Combine(tools, "sharp-bpf"), feed.Root, "dump", assembly);
        var output = dump.WaitForSuccess(RunTimeout);

        Assert.Contains("FirstProbe.BroadcastFilter: 1 program", output);
        Assert.Contains("program DropBroadcast: xdp, section xdp", output);
        Assert.Contains("BroadcastFilter.cs:", output);
        Assert.Contains("; " + FirstProject.VerdictLine, output);
        Assert.Contains("\texit", output);
    }

    [Fact]
    public void Single_file_app_with_a_package_directive_counts_each_execution_of_a_program()
    {
        Privileged.RequireRoot();
        var folder = feed.SingleFileFolder;
        Directory.CreateDirectory(folder);
        // Outside the repository nothing references Sharp.Bpf for it: the file says which package it needs.
        File.WriteAllText(Path.Combine(folder, "trace.cs"), $"#:package Sharp.Bpf@{feed.Version}\n"
            + File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "single-file", "trace.cs")));

        // Its build goes under the feed's folder, removed at the end, not into dotnet's cache of file-based apps.
        ExecTrace.AssertCountsExecutions(folder, Path.Combine(feed.Root, "single-file-artifacts"));
    }
}
