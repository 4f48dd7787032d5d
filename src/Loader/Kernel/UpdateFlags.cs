namespace Sharp.Bpf.Kernel;

/// <summary>How a map update from kernel code treats an existing element: the <c>flags</c> argument of
/// <c>bpf_map_update_elem</c> and <c>bpf_map_push_elem</c>. The values equal <see cref="MapUpdateFlags"/>'s.</summary>
[Flags]
public enum UpdateFlags : ulong
{
    /// <summary>0, <c>BPF_ANY</c>: create the element or replace it.</summary>
    Any = 0,
    /// <summary>1, <c>BPF_NOEXIST</c>: create only; the update returns -EEXIST when the key is present.</summary>
    NoExist = 1,
    /// <summary>2, <c>BPF_EXIST</c>: replace only; -ENOENT when the key is absent. For queues and stacks: push even when
    /// full, dropping the oldest element.</summary>
    Exist = 2,
    /// <summary>4, <c>BPF_F_LOCK</c>: take the value's <c>bpf_spin_lock</c> while copying (Linux 5.1).</summary>
    Lock = 4,
}
