using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary><c>struct bpf_map_info</c> (linux/bpf.h) up to <c>map_extra</c> (Linux 5.16); older kernels fill a prefix
/// and leave the rest zero.</summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
internal unsafe struct MapInfoStruct
{
    [FieldOffset(0)] public MapType Type;
    [FieldOffset(4)] public uint Id;
    [FieldOffset(8)] public uint KeySize;
    [FieldOffset(12)] public uint ValueSize;
    [FieldOffset(16)] public uint MaxEntries;
    [FieldOffset(20)] public uint MapFlags;
    [FieldOffset(24)] public fixed byte Name[ObjectName.Capacity];
    [FieldOffset(40)] public uint IfIndex;
    [FieldOffset(44)] public uint BtfVmlinuxValueTypeId;
    [FieldOffset(48)] public ulong NetnsDevice;
    [FieldOffset(56)] public ulong NetnsInode;
    [FieldOffset(64)] public uint BtfId;
    [FieldOffset(68)] public uint BtfKeyTypeId;
    [FieldOffset(72)] public uint BtfValueTypeId;
    [FieldOffset(80)] public ulong MapExtra;
}
