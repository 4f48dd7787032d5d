using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;
using static Sharp.Bpf.Tests.Programs.HandBuiltPrograms;

namespace Sharp.Bpf.Tests.Programs;

/// <summary>Programs pinned in bpffs, reopened from pins and by id, and enumerated.</summary>
[Collection(DescriptorCountingCollection.Name)]
public sealed class ProgramPinTests
{
    static string UniquePinPath() => $"/sys/fs/bpf/sharp_bpf_test_{Guid.NewGuid():N}";

    [Fact]
    public void A_pinned_program_reopens_as_the_same_kernel_program()
    {
        Privileged.RequireRoot();
        var path = UniquePinPath();
        using var program = Program.Load(Returning(XdpPass, "pinned"));
        try
        {
            program.Pin(path);
            using var reopened = Program.OpenPinned(path);

            Assert.Equal(program.Id, reopened.Id);
            Assert.Equal("pinned", reopened.Name);
            Assert.Equal(ProgramType.Xdp, reopened.Type);
            Assert.Equal((uint)XdpPass, reopened.Test(new ProgramTestOptions { Data = EthernetFrame() }).ReturnValue);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_pin_outlives_the_loading_handle()
    {
        Privileged.RequireRoot();
        var path = UniquePinPath();
        try
        {
            uint id;
            using (var program = Program.Load(Returning(XdpPass)))
            {
                id = program.Id;
                program.Pin(path);
            }
            using var reopened = Program.OpenPinned(path);
            Assert.Equal(id, reopened.Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pinning_over_an_existing_path_says_the_path_exists()
    {
        Privileged.RequireRoot();
        var path = UniquePinPath();
        using var program = Program.Load(Returning(XdpPass));
        try
        {
            program.Pin(path);
            var error = Assert.Throws<BpfException>(() => program.Pin(path));
            Assert.Equal("EEXIST", error.ErrorName);
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Opening_a_path_with_no_pin_says_nothing_is_pinned_there()
    {
        Privileged.RequireRoot();
        var error = Assert.Throws<BpfException>(() => Program.OpenPinned(UniquePinPath()));
        Assert.Equal("ENOENT", error.ErrorName);
        Assert.Contains("nothing is pinned there", error.Message);
    }

    [Fact]
    public void Opening_a_pinned_map_as_a_program_is_refused_and_closes_the_descriptor()
    {
        Privileged.RequireRoot();
        var path = UniquePinPath();
        using var map = Map.Create(new MapSpec { Name = "not_a_prog", Type = MapType.Array, KeySize = 4, ValueSize = 4, MaxEntries = 1 });
        try
        {
            ObjectPins.Pin(map.Handle, path);
            var descriptorsBefore = KernelDescriptors.Snapshot();
            var error = Assert.Throws<ArgumentException>(() => Program.OpenPinned(path));
            Assert.Contains("is not a program (anon_inode:bpf-map)", error.Message);
            Assert.Equal(descriptorsBefore, KernelDescriptors.Snapshot());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_loaded_program_is_among_the_ids_and_opens_by_its_id()
    {
        Privileged.RequireRoot();
        using var program = Program.Load(Returning(XdpPass, "by_id"));

        Assert.Contains(program.Id, Program.GetIds());
        using var opened = Program.FromId(program.Id);
        Assert.Equal("by_id", opened.Name);
        Assert.Equal(program.GetInfo().Tag, opened.GetInfo().Tag);
    }

    [Fact]
    public void Opening_an_id_no_program_has_says_ENOENT()
    {
        Privileged.RequireRoot();
        var error = Assert.Throws<BpfException>(() => Program.FromId(uint.MaxValue));
        Assert.Equal("ENOENT", error.ErrorName);
    }
}
