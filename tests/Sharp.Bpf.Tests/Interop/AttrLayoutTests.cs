using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharp.Bpf.Interop;
using Xunit;

namespace Sharp.Bpf.Tests.Interop;

/// <summary>The attr structs lay out exactly like the members of union bpf_attr in linux/bpf.h (x86-64 and arm64 ABI).</summary>
public sealed class AttrLayoutTests
{
    public static TheoryData<string, int> MapCreateOffsets => new()
    {
        { nameof(MapCreateAttr.MapType), 0 },
        { nameof(MapCreateAttr.KeySize), 4 },
        { nameof(MapCreateAttr.ValueSize), 8 },
        { nameof(MapCreateAttr.MaxEntries), 12 },
        { nameof(MapCreateAttr.MapFlags), 16 },
        { nameof(MapCreateAttr.InnerMapFd), 20 },
        { nameof(MapCreateAttr.NumaNode), 24 },
        { nameof(MapCreateAttr.MapName), 28 },
        { nameof(MapCreateAttr.MapIfIndex), 44 },
        { nameof(MapCreateAttr.BtfFd), 48 },
        { nameof(MapCreateAttr.BtfKeyTypeId), 52 },
        { nameof(MapCreateAttr.BtfValueTypeId), 56 },
        { nameof(MapCreateAttr.BtfVmlinuxValueTypeId), 60 },
        { nameof(MapCreateAttr.MapExtra), 64 },
        { nameof(MapCreateAttr.ValueTypeBtfObjFd), 72 },
        { nameof(MapCreateAttr.MapTokenFd), 76 },
    };

    public static TheoryData<string, int> MapElementOffsets => new()
    {
        { nameof(MapElementAttr.MapFd), 0 },
        { nameof(MapElementAttr.Key), 8 },
        { nameof(MapElementAttr.Value), 16 },
        { nameof(MapElementAttr.Flags), 24 },
    };

    public static TheoryData<string, int> ProgramLoadOffsets => new()
    {
        { nameof(ProgramLoadAttr.ProgramType), 0 },
        { nameof(ProgramLoadAttr.InstructionCount), 4 },
        { nameof(ProgramLoadAttr.Instructions), 8 },
        { nameof(ProgramLoadAttr.License), 16 },
        { nameof(ProgramLoadAttr.LogLevel), 24 },
        { nameof(ProgramLoadAttr.LogSize), 28 },
        { nameof(ProgramLoadAttr.LogBuffer), 32 },
        { nameof(ProgramLoadAttr.KernelVersion), 40 },
        { nameof(ProgramLoadAttr.ProgramFlags), 44 },
        { nameof(ProgramLoadAttr.ProgramName), 48 },
        { nameof(ProgramLoadAttr.ProgramIfIndex), 64 },
        { nameof(ProgramLoadAttr.ExpectedAttachType), 68 },
        { nameof(ProgramLoadAttr.ProgramBtfFd), 72 },
        { nameof(ProgramLoadAttr.FuncInfoRecordSize), 76 },
        { nameof(ProgramLoadAttr.FuncInfo), 80 },
        { nameof(ProgramLoadAttr.FuncInfoCount), 88 },
        { nameof(ProgramLoadAttr.LineInfoRecordSize), 92 },
        { nameof(ProgramLoadAttr.LineInfo), 96 },
        { nameof(ProgramLoadAttr.LineInfoCount), 104 },
        { nameof(ProgramLoadAttr.AttachBtfId), 108 },
        { nameof(ProgramLoadAttr.AttachProgramFd), 112 },
        { nameof(ProgramLoadAttr.CoreRelocationCount), 116 },
        { nameof(ProgramLoadAttr.FdArray), 120 },
        { nameof(ProgramLoadAttr.CoreRelocations), 128 },
        { nameof(ProgramLoadAttr.CoreRelocationRecordSize), 136 },
        { nameof(ProgramLoadAttr.LogTrueSize), 140 },
        { nameof(ProgramLoadAttr.ProgramTokenFd), 144 },
        { nameof(ProgramLoadAttr.FdArrayCount), 148 },
    };

    public static TheoryData<string, int> ProgramTestRunOffsets => new()
    {
        { nameof(ProgramTestRunAttr.ProgramFd), 0 },
        { nameof(ProgramTestRunAttr.ReturnValue), 4 },
        { nameof(ProgramTestRunAttr.DataSizeIn), 8 },
        { nameof(ProgramTestRunAttr.DataSizeOut), 12 },
        { nameof(ProgramTestRunAttr.DataIn), 16 },
        { nameof(ProgramTestRunAttr.DataOut), 24 },
        { nameof(ProgramTestRunAttr.Repeat), 32 },
        { nameof(ProgramTestRunAttr.Duration), 36 },
        { nameof(ProgramTestRunAttr.ContextSizeIn), 40 },
        { nameof(ProgramTestRunAttr.ContextSizeOut), 44 },
        { nameof(ProgramTestRunAttr.ContextIn), 48 },
        { nameof(ProgramTestRunAttr.ContextOut), 56 },
        { nameof(ProgramTestRunAttr.Flags), 64 },
        { nameof(ProgramTestRunAttr.Cpu), 68 },
        { nameof(ProgramTestRunAttr.BatchSize), 72 },
    };

    [Theory]
    [MemberData(nameof(MapCreateOffsets))]
    public void Map_create_fields_sit_at_the_kernel_offsets(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<MapCreateAttr>(field));

    [Theory]
    [MemberData(nameof(MapElementOffsets))]
    public void Map_element_fields_sit_at_the_kernel_offsets(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<MapElementAttr>(field));

    [Theory]
    [MemberData(nameof(ProgramLoadOffsets))]
    public void Program_load_fields_sit_at_the_kernel_offsets(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<ProgramLoadAttr>(field));

    [Theory]
    [MemberData(nameof(ProgramTestRunOffsets))]
    public void Program_test_run_fields_sit_at_the_kernel_offsets(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<ProgramTestRunAttr>(field));

    [Fact]
    public void Map_create_attr_ends_after_map_token_fd() => Assert.Equal(80, Unsafe.SizeOf<MapCreateAttr>());

    [Fact]
    public void Map_element_attr_ends_after_flags() => Assert.Equal(32, Unsafe.SizeOf<MapElementAttr>());

    [Fact]
    public void Program_load_attr_ends_after_fd_array_cnt() => Assert.Equal(152, Unsafe.SizeOf<ProgramLoadAttr>());

    [Fact]
    public void Program_test_run_attr_ends_after_batch_size_padded_to_8() => Assert.Equal(80, Unsafe.SizeOf<ProgramTestRunAttr>());

    [Fact]
    public void Object_names_hold_15_characters_and_a_terminator() => Assert.Equal(16, ObjectName.Capacity);
}
