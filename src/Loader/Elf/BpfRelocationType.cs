namespace Sharp.Bpf.Elf;

/// <summary>BPF ELF relocation types (<c>R_BPF_*</c>, see the kernel's llvm_reloc.rst).</summary>
public enum BpfRelocationType : uint
{
    /// <summary><c>R_BPF_NONE</c>.</summary>
    None = 0,
    /// <summary><c>R_BPF_64_64</c>: the 64-bit immediate of an <c>lddw</c> (map or global variable address).</summary>
    Imm64 = 1,
    /// <summary><c>R_BPF_64_ABS64</c>: a 64-bit data word (DWARF, <c>.BTF</c>).</summary>
    Abs64 = 2,
    /// <summary><c>R_BPF_64_ABS32</c>: a 32-bit data word (DWARF).</summary>
    Abs32 = 3,
    /// <summary><c>R_BPF_64_NODYLD32</c>: a 32-bit data word in <c>.BTF</c>/<c>.BTF.ext</c>.</summary>
    NoDyld32 = 4,
    /// <summary><c>R_BPF_64_32</c>: the 32-bit immediate of a <c>call</c> (subprogram or extern function).</summary>
    Call32 = 10,
}
