using System.Text.Json;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>libbpf (through bpftool) loads written objects into the kernel, and the kernel keeps their C# lines.</summary>
public sealed class ObjectWriterLoadTests
{
    [Theory]
    [MemberData(nameof(WrittenObjects.Names), MemberType = typeof(WrittenObjects))]
    public void Bpftool_loads_every_program_of_a_written_object(string name)
    {
        Privileged.RequireRoot();
        var path = WrittenObjects.SaveToFile(WrittenObjects.ByName(name), name);
        using var pins = new PinDirectory();

        ExternalTool.Run("bpftool", ["prog", "loadall", path, pins.Path]);

        var loaded = Directory.GetFiles(pins.Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal);
        var expected = WrittenObjects.ByName(name).Functions.Keys.Where(f => f is not ("add_one" or "scale")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, loaded);
    }

    [Fact]
    public void Bpftool_shows_the_csharp_lines_of_a_loaded_program()
    {
        Privileged.RequireRoot();
        var path = WrittenObjects.SaveToFile(WrittenObjects.XdpCounter(), "xdp");
        using var pins = new PinDirectory();
        ExternalTool.Run("bpftool", ["prog", "loadall", path, pins.Path]);

        var xlated = ExternalTool.Run("bpftool", ["prog", "dump", "xlated", "pinned", System.IO.Path.Combine(pins.Path, "count_packets"), "linum"]);

        Assert.Contains($"; var key = new CounterKey(ctx.IngressIfindex); [file:{WrittenObjects.CounterFile} line_num:12 line_col:9]", xlated);
        Assert.Contains($"; Interlocked.Increment(ref slot); [file:{WrittenObjects.CounterFile} line_num:15 line_col:13]", xlated);
    }

    [Fact]
    public void The_kernel_keeps_func_info_for_the_program_and_its_subprograms()
    {
        Privileged.RequireRoot();
        var path = WrittenObjects.SaveToFile(WrittenObjects.TracepointWithSubprograms(), "tp");
        using var pins = new PinDirectory();
        ExternalTool.Run("bpftool", ["prog", "loadall", path, pins.Path]);

        var xlated = ExternalTool.Run("bpftool", ["prog", "dump", "xlated", "pinned", System.IO.Path.Combine(pins.Path, "on_switch")]);

        Assert.Contains("int on_switch(void * ctx):", xlated);
        Assert.Contains("int scale(int x):", xlated);
        Assert.Contains("int add_one(int x):", xlated);
        Assert.Contains($"; return scaled & 0;", xlated);
        using var info = JsonDocument.Parse(ExternalTool.Run("bpftool", ["-j", "prog", "show", "pinned", System.IO.Path.Combine(pins.Path, "on_switch")]));
        Assert.Equal("tracepoint", info.RootElement.GetProperty("type").GetString());
    }

    /// <summary>A fresh directory in bpffs for <c>bpftool prog loadall</c> to pin into, removed with its pins afterwards.</summary>
    sealed class PinDirectory : IDisposable
    {
        public string Path { get; } = $"/sys/fs/bpf/sharp-bpf-writer-{Guid.NewGuid():N}";

        public void Dispose()
        {
            if (!Directory.Exists(Path)) return;
            foreach (var pin in Directory.GetFiles(Path)) File.Delete(pin);
            Directory.Delete(Path);
        }
    }
}
