namespace Sharp.Bpf.Interop;

/// <summary>The kernel's map types (enum bpf_map_type in linux/bpf.h).</summary>
internal enum MapType : uint
{
    Array = 2,
}
