using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>Owns a file descriptor the kernel returned for a bpf object (map, program, link, BTF) and closes it once.</summary>
internal sealed class SafeBpfFd : SafeHandle
{
    /// <summary>Takes ownership of <paramref name="fd"/>.</summary>
    public SafeBpfFd(int fd) : base(invalidHandleValue: -1, ownsHandle: true) => SetHandle(fd);

    /// <inheritdoc/>
    public override bool IsInvalid => handle < 0;

    /// <summary>The descriptor number, for embedding in an attr or an instruction; valid while this handle is open.</summary>
    public int Fd => (int)handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        Syscall.Close((int)handle);
        return true;
    }
}
