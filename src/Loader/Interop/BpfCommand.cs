namespace Sharp.Bpf.Interop;

/// <summary>The <c>cmd</c> argument of <c>bpf(2)</c> (enum bpf_cmd in linux/bpf.h).</summary>
internal enum BpfCommand
{
    MapCreate = 0,
    MapLookupElement = 1,
    MapUpdateElement = 2,
    ProgramLoad = 5,
    ProgramTestRun = 10,
}
