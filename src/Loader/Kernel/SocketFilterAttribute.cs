namespace Sharp.Bpf.Kernel;

/// <summary>A socket filter (<c>BPF_PROG_TYPE_SOCKET_FILTER</c>, Linux 3.19), attached with <c>SO_ATTACH_BPF</c>. The method
/// takes a <see cref="SkBuff"/> and returns how many bytes of the packet to keep (0 drops it). Section <c>socket</c>.</summary>
public sealed class SocketFilterAttribute : ProgramAttribute
{
    /// <inheritdoc/>
    public override string SectionName => "socket";
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.SocketFilter;
}
