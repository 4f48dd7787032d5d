using System.Security.Cryptography;
using System.Text;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Packaging.Tests;

/// <summary>Packs Sharp.Bpf, sharp-bpf and Sharp.Bpf.Templates from this repository into a local folder feed, in a temporary
/// folder outside the repository that also holds the fresh projects the tests create (so the repository's
/// Directory.Build.props never applies to them), with a NuGet.config naming that feed and nuget.org. The version is a
/// unique prerelease, so the global NuGet cache can never serve a package from an earlier run; the cache's copies of it
/// and the whole folder are removed at the end, even when a test failed.</summary>
public sealed class LocalFeed : IAsyncLifetime
{
    static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    readonly Lazy<string> _firstProjectAssembly;

    /// <summary>Chooses the folder and the version; <see cref="InitializeAsync"/> packs.</summary>
    public LocalFeed() =>
        _firstProjectAssembly = new(() => FirstProject.CreateAndBuild(this, Path.Combine(Root, FirstProject.Name)));

    /// <summary>The temporary folder holding the feed, the template hive and the test projects.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"sharp-bpf-packaging-{Guid.NewGuid():N}");

    /// <summary>The unique prerelease version of every package in the feed.</summary>
    public string Version { get; } = $"0.0.0-packaging.g{Guid.NewGuid():N}";

    /// <summary>The folder feed.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The private dotnet new settings folder (<c>--debug:custom-hive</c>), so installing the template touches no
    /// user setting.</summary>
    public string TemplateHive => Path.Combine(Root, "template-hive");

    /// <summary>Packs the three packages.</summary>
    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        // Empty Directory.Build.* files stop MSBuild's upward search here: nothing in a parent of the temporary folder
        // (a stray /tmp/Directory.Build.props) reaches the test projects either.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var artifacts = Path.Combine(Root, "artifacts");
        try
        {
            foreach (var project in new[] { "src/Loader/Sharp.Bpf.csproj", "src/Inspect/Sharp.Bpf.Inspect.csproj", "src/Templates/Sharp.Bpf.Templates.csproj" })
                ChildProcess.Dotnet(RepositoryPaths.Root, PackTimeout, "pack", project, "-c", "Release", "--artifacts-path", artifacts,
                    $"-p:Version={Version}", "-o", Feed);
        }
        catch
        {
            // A fixture that failed to initialise may never be disposed; removing everything twice is harmless.
            RemoveEverything();
            throw;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The folder for a copy of samples/single-file/trace.cs that takes Sharp.Bpf from the feed.</summary>
    public string SingleFileFolder => Path.Combine(Root, "single-file");

    /// <summary>The path of a package in the feed.</summary>
    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>The assembly of <see cref="FirstProject"/>, created and built on first use, once for every test that needs it.</summary>
    public string FirstProjectAssembly => _firstProjectAssembly.Value;

    /// <summary>Deletes the temporary folder and the global NuGet cache's copies of this run's packages.</summary>
    public ValueTask DisposeAsync()
    {
        RemoveEverything();
        return ValueTask.CompletedTask;
    }

    void RemoveEverything()
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "sharp.bpf", "sharp-bpf", "sharp.bpf.templates" })
        {
            DeleteIfPresent(Path.Combine(globalPackages, id, Version));
            var versions = Path.Combine(globalPackages, id);
            if (Directory.Exists(versions) && !Directory.EnumerateFileSystemEntries(versions).Any()) Directory.Delete(versions);
        }
        DeleteIfPresent(FileBasedAppCache(Path.Combine(SingleFileFolder, "trace.cs")));
        DeleteIfPresent(Root);
    }

    /// <summary>The folder where dotnet keeps the up-to-date state of a file-based app even when its build goes elsewhere
    /// (--artifacts-path): named for the file and the SHA-256 of its upper-cased full path, as the .NET 10 SDK names it.</summary>
    static string FileBasedAppCache(string entryPoint)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entryPoint.ToUpperInvariant())));
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dotnet", "runfile",
            $"{Path.GetFileNameWithoutExtension(entryPoint)}-{hash}");
    }

    static void DeleteIfPresent(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
