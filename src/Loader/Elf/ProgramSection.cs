namespace Sharp.Bpf.Elf;

/// <summary>What a program section's name says about the programs in it, by libbpf's conventions.</summary>
/// <param name="Type">The program type.</param>
/// <param name="AttachType">The expected attach type (0 when the type has none).</param>
/// <param name="AttachTo">The part after the convention's prefix (<c>sched/sched_switch</c> for <c>tp/sched/sched_switch</c>), or null.</param>
/// <param name="Flags"><c>BPF_PROG_LOAD</c> flags the name implies (<c>BPF_F_SLEEPABLE</c>, <c>BPF_F_XDP_HAS_FRAGS</c>).</param>
internal readonly record struct ProgramSection(ProgramType Type, AttachType AttachType, string? AttachTo, uint Flags);
