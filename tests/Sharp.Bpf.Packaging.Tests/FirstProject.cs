namespace Sharp.Bpf.Packaging.Tests;

/// <summary>What a user writes first: <c>dotnet new console</c>, <c>dotnet add package Sharp.Bpf</c>, a kernel method, and
/// top-level code that loads it through the verifier and test-runs it on a unicast and a broadcast frame.</summary>
internal static class FirstProject
{
    public const string Name = "FirstProbe";

    /// <summary>The kernel side, in Kernel/BroadcastFilter.cs.</summary>
    public const string KernelSource = """
        using Sharp.Bpf.Kernel;

        namespace FirstProbe;

        [BpfObject(License = "GPL")]
        public static partial class BroadcastFilter
        {
            [Xdp]
            public static XdpAction DropBroadcast(XdpMd context)
            {
                var ethernet = context.Packet.GetRef<EthernetHeader>(0);
                if (ethernet.IsNull) return XdpAction.Aborted;
                return (ethernet.Value.Destination[0] & 1) != 0 ? XdpAction.Drop : XdpAction.Pass;
            }
        }
        """;

    /// <summary>The kernel method's last line, which the dump shows above its instructions.</summary>
    public const string VerdictLine = "return (ethernet.Value.Destination[0] & 1) != 0 ? XdpAction.Drop : XdpAction.Pass;";

    /// <summary>The user side, replacing the template's Program.cs: prints each frame's XDP verdict as a number.</summary>
    public const string ProgramSource = """
        using FirstProbe;
        using Sharp.Bpf;

        using var loaded = BroadcastFilter.Load();
        var unicast = new byte[64];
        unicast[0] = 0x02;
        var broadcast = new byte[64];
        broadcast.AsSpan(0, 6).Fill(0xFF);
        Console.WriteLine($"unicast -> {loaded.DropBroadcast.Test(new ProgramTestOptions { Data = unicast }).ReturnValue}");
        Console.WriteLine($"broadcast -> {loaded.DropBroadcast.Test(new ProgramTestOptions { Data = broadcast }).ReturnValue}");
        """;

    /// <summary>Creates the project in <paramref name="folder"/> from <paramref name="feed"/> and builds it with warnings as
    /// errors (a user who turns them on must not be stopped by anything the package generates).</summary>
    /// <returns>The built assembly.</returns>
    public static string CreateAndBuild(LocalFeed feed, string folder)
    {
        Create(feed, folder, Name, "BroadcastFilter.cs", KernelSource);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), ProgramSource + "\n");
        ChildProcess.Dotnet(folder, TimeSpan.FromMinutes(10), "build", "-p:TreatWarningsAsErrors=true");
        return Path.Combine(folder, "bin", "Debug", "net10.0", Name + ".dll");
    }

    /// <summary>Creates a console project named <paramref name="name"/> in <paramref name="folder"/> as a user would, adds
    /// Sharp.Bpf from <paramref name="feed"/>, and writes <paramref name="kernelSource"/> to Kernel/<paramref name="kernelFile"/>.</summary>
    public static void Create(LocalFeed feed, string folder, string name, string kernelFile, string kernelSource)
    {
        ChildProcess.Dotnet(feed.Root, TimeSpan.FromMinutes(2), "new", "console", "-n", name, "-o", folder, "--debug:custom-hive", feed.TemplateHive);
        ChildProcess.Dotnet(folder, TimeSpan.FromMinutes(5), "add", "package", "Sharp.Bpf", "--version", feed.Version);
        Directory.CreateDirectory(Path.Combine(folder, "Kernel"));
        File.WriteAllText(Path.Combine(folder, "Kernel", kernelFile), kernelSource + "\n");
    }
}
