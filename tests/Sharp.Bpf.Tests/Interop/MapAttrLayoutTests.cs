using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharp.Bpf.Interop;
using Xunit;

namespace Sharp.Bpf.Tests.Interop;

/// <summary>The map and BTF attr and info structs lay out exactly like linux/bpf.h (x86-64 and arm64 ABI).</summary>
public sealed class MapAttrLayoutTests
{
    public static TheoryData<string, int> MapBatchOffsets => new()
    {
        { nameof(MapBatchAttr.InBatch), 0 },
        { nameof(MapBatchAttr.OutBatch), 8 },
        { nameof(MapBatchAttr.Keys), 16 },
        { nameof(MapBatchAttr.Values), 24 },
        { nameof(MapBatchAttr.Count), 32 },
        { nameof(MapBatchAttr.MapFd), 36 },
        { nameof(MapBatchAttr.ElementFlags), 40 },
        { nameof(MapBatchAttr.Flags), 48 },
    };

    public static TheoryData<string, int> MapInfoOffsets => new()
    {
        { nameof(MapInfoStruct.Type), 0 },
        { nameof(MapInfoStruct.Id), 4 },
        { nameof(MapInfoStruct.KeySize), 8 },
        { nameof(MapInfoStruct.ValueSize), 12 },
        { nameof(MapInfoStruct.MaxEntries), 16 },
        { nameof(MapInfoStruct.MapFlags), 20 },
        { nameof(MapInfoStruct.Name), 24 },
        { nameof(MapInfoStruct.IfIndex), 40 },
        { nameof(MapInfoStruct.BtfVmlinuxValueTypeId), 44 },
        { nameof(MapInfoStruct.NetnsDevice), 48 },
        { nameof(MapInfoStruct.NetnsInode), 56 },
        { nameof(MapInfoStruct.BtfId), 64 },
        { nameof(MapInfoStruct.BtfKeyTypeId), 68 },
        { nameof(MapInfoStruct.BtfValueTypeId), 72 },
        { nameof(MapInfoStruct.MapExtra), 80 },
    };

    public static TheoryData<string, int> BtfLoadOffsets => new()
    {
        { nameof(BtfLoadAttr.Btf), 0 },
        { nameof(BtfLoadAttr.LogBuffer), 8 },
        { nameof(BtfLoadAttr.BtfSize), 16 },
        { nameof(BtfLoadAttr.LogSize), 20 },
        { nameof(BtfLoadAttr.LogLevel), 24 },
        { nameof(BtfLoadAttr.LogTrueSize), 28 },
    };

    public static TheoryData<string, int> BtfInfoOffsets => new()
    {
        { nameof(BtfInfoStruct.Btf), 0 },
        { nameof(BtfInfoStruct.BtfSize), 8 },
        { nameof(BtfInfoStruct.Id), 12 },
        { nameof(BtfInfoStruct.Name), 16 },
        { nameof(BtfInfoStruct.NameLength), 24 },
        { nameof(BtfInfoStruct.KernelBtf), 28 },
    };

    [Theory]
    [MemberData(nameof(MapBatchOffsets))]
    public void Map_batch_fields_sit_at_the_kernel_offsets(string field, int offset) => Assert.Equal(offset, (int)Marshal.OffsetOf<MapBatchAttr>(field));

    [Theory]
    [MemberData(nameof(MapInfoOffsets))]
    public void Map_info_fields_sit_at_the_kernel_offsets(string field, int offset) => Assert.Equal(offset, (int)Marshal.OffsetOf<MapInfoStruct>(field));

    [Theory]
    [MemberData(nameof(BtfLoadOffsets))]
    public void Btf_load_fields_sit_at_the_kernel_offsets(string field, int offset) => Assert.Equal(offset, (int)Marshal.OffsetOf<BtfLoadAttr>(field));

    [Theory]
    [MemberData(nameof(BtfInfoOffsets))]
    public void Btf_info_fields_sit_at_the_kernel_offsets(string field, int offset) => Assert.Equal(offset, (int)Marshal.OffsetOf<BtfInfoStruct>(field));

    [Fact]
    public void Map_batch_attr_ends_after_flags() => Assert.Equal(56, Unsafe.SizeOf<MapBatchAttr>());

    [Fact]
    public void Map_info_ends_after_map_extra() => Assert.Equal(88, Unsafe.SizeOf<MapInfoStruct>());

    [Fact]
    public void Btf_load_attr_ends_after_log_true_size() => Assert.Equal(32, Unsafe.SizeOf<BtfLoadAttr>());

    [Fact]
    public void Btf_info_ends_after_kernel_btf() => Assert.Equal(32, Unsafe.SizeOf<BtfInfoStruct>());
}
