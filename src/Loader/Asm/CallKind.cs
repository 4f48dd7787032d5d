namespace Sharp.Bpf.Asm;

/// <summary>The <c>src_reg</c> of a <c>call</c> instruction: what its immediate names.</summary>
public enum CallKind : byte
{
    /// <summary>A helper function by number.</summary>
    Helper = 0,
    /// <summary>A BPF-to-BPF call; imm is the offset in slots from the next instruction.</summary>
    Local = 1,
    /// <summary>A kernel function by BTF id (offset: index of the module BTF in the fd array, 0 for vmlinux).</summary>
    Kfunc = 2,
}
