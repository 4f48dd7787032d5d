namespace Sharp.Bpf;

/// <summary>How an update treats an existing element (<c>BPF_ANY</c>, <c>BPF_NOEXIST</c>, <c>BPF_EXIST</c>, <c>BPF_F_LOCK</c>).</summary>
[Flags]
public enum MapUpdateFlags : ulong
{
    /// <summary><c>BPF_ANY</c>: create the element or replace it.</summary>
    Any = 0,
    /// <summary><c>BPF_NOEXIST</c>: create only; fails with EEXIST when the key is present.</summary>
    NoExist = 1,
    /// <summary><c>BPF_EXIST</c>: replace only; fails with ENOENT when the key is absent. For queues and stacks: push even when full, dropping the oldest.</summary>
    Exist = 2,
    /// <summary><c>BPF_F_LOCK</c>: take the value's <c>bpf_spin_lock</c> while copying (maps whose BTF value has one; Linux 5.1).</summary>
    Lock = 4,
}
