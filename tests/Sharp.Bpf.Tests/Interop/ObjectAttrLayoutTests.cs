using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharp.Bpf.Interop;
using Xunit;

namespace Sharp.Bpf.Tests.Interop;

/// <summary>The object attrs (pin, info, ids) and struct bpf_prog_info lay out exactly as linux/bpf.h (x86-64 and arm64 ABI).</summary>
public sealed class ObjectAttrLayoutTests
{
    public static TheoryData<string, int> ProgramInfoOffsets => new()
    {
        { nameof(ProgramInfoStruct.Type), 0 },
        { nameof(ProgramInfoStruct.Id), 4 },
        { nameof(ProgramInfoStruct.Tag), 8 },
        { nameof(ProgramInfoStruct.JitedProgramLength), 16 },
        { nameof(ProgramInfoStruct.XlatedProgramLength), 20 },
        { nameof(ProgramInfoStruct.JitedProgramInstructions), 24 },
        { nameof(ProgramInfoStruct.XlatedProgramInstructions), 32 },
        { nameof(ProgramInfoStruct.LoadTime), 40 },
        { nameof(ProgramInfoStruct.CreatedByUid), 48 },
        { nameof(ProgramInfoStruct.MapIdCount), 52 },
        { nameof(ProgramInfoStruct.MapIds), 56 },
        { nameof(ProgramInfoStruct.Name), 64 },
        { nameof(ProgramInfoStruct.IfIndex), 80 },
        { nameof(ProgramInfoStruct.Bits), 84 },
        { nameof(ProgramInfoStruct.NetnsDevice), 88 },
        { nameof(ProgramInfoStruct.NetnsInode), 96 },
        { nameof(ProgramInfoStruct.JitedKsymCount), 104 },
        { nameof(ProgramInfoStruct.JitedFunctionLengthCount), 108 },
        { nameof(ProgramInfoStruct.JitedKsyms), 112 },
        { nameof(ProgramInfoStruct.JitedFunctionLengths), 120 },
        { nameof(ProgramInfoStruct.BtfId), 128 },
        { nameof(ProgramInfoStruct.FuncInfoRecordSize), 132 },
        { nameof(ProgramInfoStruct.FuncInfo), 136 },
        { nameof(ProgramInfoStruct.FuncInfoCount), 144 },
        { nameof(ProgramInfoStruct.LineInfoCount), 148 },
        { nameof(ProgramInfoStruct.LineInfo), 152 },
        { nameof(ProgramInfoStruct.JitedLineInfo), 160 },
        { nameof(ProgramInfoStruct.JitedLineInfoCount), 168 },
        { nameof(ProgramInfoStruct.LineInfoRecordSize), 172 },
        { nameof(ProgramInfoStruct.JitedLineInfoRecordSize), 176 },
        { nameof(ProgramInfoStruct.ProgramTagCount), 180 },
        { nameof(ProgramInfoStruct.ProgramTags), 184 },
        { nameof(ProgramInfoStruct.RunTimeNanoseconds), 192 },
        { nameof(ProgramInfoStruct.RunCount), 200 },
        { nameof(ProgramInfoStruct.RecursionMisses), 208 },
        { nameof(ProgramInfoStruct.VerifiedInstructions), 216 },
        { nameof(ProgramInfoStruct.AttachBtfObjectId), 220 },
        { nameof(ProgramInfoStruct.AttachBtfId), 224 },
    };

    [Theory]
    [MemberData(nameof(ProgramInfoOffsets))]
    public void Program_info_fields_sit_at_the_kernel_offsets(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<ProgramInfoStruct>(field));

    [Fact]
    public void Program_info_ends_after_attach_btf_id_padded_to_8() => Assert.Equal(232, Unsafe.SizeOf<ProgramInfoStruct>());

    [Fact]
    public void Pin_attr_has_the_path_then_fd_flags_and_path_fd()
    {
        Assert.Equal(0, (int)Marshal.OffsetOf<ObjectPinAttr>(nameof(ObjectPinAttr.PathName)));
        Assert.Equal(8, (int)Marshal.OffsetOf<ObjectPinAttr>(nameof(ObjectPinAttr.BpfFd)));
        Assert.Equal(12, (int)Marshal.OffsetOf<ObjectPinAttr>(nameof(ObjectPinAttr.FileFlags)));
        Assert.Equal(16, (int)Marshal.OffsetOf<ObjectPinAttr>(nameof(ObjectPinAttr.PathFd)));
        Assert.Equal(24, Unsafe.SizeOf<ObjectPinAttr>());
    }

    [Fact]
    public void Info_attr_has_the_fd_the_length_and_the_buffer()
    {
        Assert.Equal(0, (int)Marshal.OffsetOf<ObjectInfoAttr>(nameof(ObjectInfoAttr.BpfFd)));
        Assert.Equal(4, (int)Marshal.OffsetOf<ObjectInfoAttr>(nameof(ObjectInfoAttr.InfoLength)));
        Assert.Equal(8, (int)Marshal.OffsetOf<ObjectInfoAttr>(nameof(ObjectInfoAttr.Info)));
        Assert.Equal(16, Unsafe.SizeOf<ObjectInfoAttr>());
    }

    [Fact]
    public void Id_attr_has_the_id_the_next_id_and_open_flags()
    {
        Assert.Equal(0, (int)Marshal.OffsetOf<ObjectIdAttr>(nameof(ObjectIdAttr.Id)));
        Assert.Equal(4, (int)Marshal.OffsetOf<ObjectIdAttr>(nameof(ObjectIdAttr.NextId)));
        Assert.Equal(8, (int)Marshal.OffsetOf<ObjectIdAttr>(nameof(ObjectIdAttr.OpenFlags)));
        Assert.Equal(12, Unsafe.SizeOf<ObjectIdAttr>());
    }
}
