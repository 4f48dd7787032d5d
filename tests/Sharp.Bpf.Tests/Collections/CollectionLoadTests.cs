using Sharp.Bpf.Tests.Tools;
using System.Text.Json;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Collections;

/// <summary>Collection.Load creates every map and loads every program of an object, as libbpf would.</summary>
public sealed class CollectionLoadTests
{
    public static TheoryData<string> LoadableObjects => [.. LoaderCorpus.Loadable()];

    /// <summary>Every loadable object but legacy_maps: libbpf 1.0+, and so bpftool, refuses legacy <c>maps</c> sections.</summary>
    public static TheoryData<string> ObjectsBpftoolLoads => [.. LoaderCorpus.Loadable().Where(name => name != "legacy_maps")];

    [Theory]
    [MemberData(nameof(LoadableObjects))]
    public void Every_map_and_program_of_the_object_is_created(string name)
    {
        Privileged.RequireRoot();
        var path = LoaderCorpus.Object(name);
        var spec = CollectionSpec.ReadFile(path);

        using var collection = Collection.Load(path);

        Assert.Equal(spec.Maps.Keys.Order(), collection.Maps.Keys.Order());
        Assert.Equal(spec.Programs.Keys.Order(), collection.Programs.Keys.Order());
        Assert.Null(collection.BtfWarning);
        Assert.All(collection.Programs.Values, program => Assert.True(program.GetInfo().VerifiedInstructions > 0));
    }

    [Theory]
    [MemberData(nameof(ObjectsBpftoolLoads))]
    public void Every_program_has_as_many_xlated_instructions_as_bpftool_loads(string name)
    {
        Privileged.RequireRoot();
        var path = LoaderCorpus.Object(name);
        var pins = LoaderCorpus.UniquePinPath();
        using var collection = Collection.Load(path);
        try
        {
            ExternalTool.Run("bpftool", ["prog", "loadall", path, pins]);
            foreach (var (programName, program) in collection.Programs)
            {
                using var shown = JsonDocument.Parse(ExternalTool.Run("bpftool", ["-j", "prog", "show", "pinned", Path.Combine(pins, programName)]));
                uint bpftoolXlated = shown.RootElement.GetProperty("bytes_xlated").GetUInt32() / 8;
                TestContext.Current.TestOutputHelper?.WriteLine($"{name}/{programName}: ours {program.GetInfo().XlatedInstructions}, bpftool {bpftoolXlated}");
                Assert.True(bpftoolXlated == program.GetInfo().XlatedInstructions,
                    $"{programName}: we loaded {program.GetInfo().XlatedInstructions} xlated instructions, bpftool {bpftoolXlated}");
            }
        }
        finally
        {
            if (Directory.Exists(pins)) Directory.Delete(pins, recursive: true);
        }
    }

    [Fact]
    public void Maps_and_programs_are_reached_by_name_and_a_wrong_name_lists_the_right_ones()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(LoaderCorpus.Object("tail_calls"));

        Assert.Equal(MapType.ProgramArray, collection.GetMap("jump_table").Type);
        Assert.Equal(ProgramType.SocketFilter, collection.GetProgram("tail_entry").Type);
        var error = Assert.Throws<KeyNotFoundException>(() => collection.GetProgram("tail_exit"));
        Assert.Contains("no program 'tail_exit'", error.Message);
        Assert.Contains("'tail_entry'", error.Message);
    }

    [Fact]
    public void Program_array_slots_from_the_object_hold_the_loaded_programs()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(LoaderCorpus.Object("tail_calls"));

        // tail_entry jumps to slot 1 (tail_step_one), which jumps to slot 2 (tail_step_two), which returns 2.
        var result = collection.Programs["tail_entry"].Test(new ProgramTestOptions { Data = new byte[64] });

        Assert.Equal(2u, result.ReturnValue);
    }

    [Fact]
    public void The_objects_btf_is_loaded_and_handed_to_maps_and_programs()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(LoaderCorpus.Object("globals"));

        Assert.NotNull(collection.Btf);
        Assert.Equal(collection.Btf.Id, collection.Programs["count_packets"].GetInfo().BtfId);
        Assert.Equal(collection.Btf.Id, collection.Maps[".data"].GetInfo().BtfId);
    }

    [Fact]
    public void BTF_the_kernel_refuses_is_left_out_with_a_warning_instead_of_failing_the_load()
    {
        Privileged.RequireRoot();
        var spec = CollectionSpec.ReadFile(LoaderCorpus.Object("tail_calls"));
        var garbled = spec.RawBtf!.Value.ToArray();
        garbled[0] ^= 0xff;

        using var collection = Collection.Load(spec with { RawBtf = garbled });

        Assert.Null(collection.Btf);
        Assert.Contains("the kernel refused the object's BTF", collection.BtfWarning);
        Assert.Equal(2u, collection.Programs["tail_entry"].Test(new ProgramTestOptions { Data = new byte[64] }).ReturnValue);
    }

    [Fact]
    public void The_bytes_and_the_path_of_an_object_load_alike()
    {
        Privileged.RequireRoot();
        var path = LoaderCorpus.Object("shared_subprogram");
        using var fromPath = Collection.Load(path);
        using var fromBytes = Collection.Load(File.ReadAllBytes(path));

        foreach (var name in fromPath.Programs.Keys)
            Assert.Equal(fromPath.Programs[name].GetInfo().Tag, fromBytes.Programs[name].GetInfo().Tag);
    }
}
