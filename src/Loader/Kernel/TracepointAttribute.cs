namespace Sharp.Bpf.Kernel;

/// <summary>A tracepoint program (<c>BPF_PROG_TYPE_TRACEPOINT</c>, Linux 4.7). The method takes the tracepoint's record as
/// <c>in T</c>, a user-declared unmanaged struct laid out as <c>/sys/kernel/tracing/events/&lt;category&gt;/&lt;name&gt;/format</c>
/// says (starting with <see cref="TracepointCommonFields"/>), and returns 0. Section <c>tracepoint/&lt;category&gt;/&lt;name&gt;</c>.</summary>
/// <param name="category">The tracepoint's category (its events directory), e.g. <c>syscalls</c>.</param>
/// <param name="name">The tracepoint's name, e.g. <c>sys_enter_write</c>.</param>
public sealed class TracepointAttribute(string category, string name) : ProgramAttribute
{
    /// <summary>The tracepoint's category, e.g. <c>syscalls</c>.</summary>
    public string Category { get; } = category;
    /// <summary>The tracepoint's name, e.g. <c>sys_enter_write</c>.</summary>
    public string Name { get; } = name;
    /// <inheritdoc/>
    public override string SectionName => $"tracepoint/{Category}/{Name}";
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.Tracepoint;
}
