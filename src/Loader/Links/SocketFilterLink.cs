using System.Runtime.InteropServices;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>A socket filter attached with <c>SO_ATTACH_BPF</c>. The socket's handle is used only while a call runs, so
/// the caller may close the socket first: closing it drops the filter with it, and disposing this link then does nothing.</summary>
internal sealed class SocketFilterLink(SafeHandle socket, string description) : Link
{
    const int SocketLevel = 1;        // SOL_SOCKET
    const int AttachBpfOption = 50;   // SO_ATTACH_BPF
    const int DetachBpfOption = 27;   // SO_DETACH_BPF (= SO_DETACH_FILTER)

    public override string Description => description;

    public void AttachNow(Program program)
    {
        using var programLease = new SafeBpfFdLease(program.Handle);
        bool added = false;
        socket.DangerousAddRef(ref added);
        try
        {
            if (!FileDescriptors.TrySetSocketOption((int)socket.DangerousGetHandle(), SocketLevel, AttachBpfOption, (int)programLease.Fd, out int errno))
                throw new BpfException("setsockopt(SO_ATTACH_BPF)", errno,
                    $"setsockopt(SO_ATTACH_BPF) of {description} failed: {BpfException.DescribeError(errno)}");
        }
        finally
        {
            socket.DangerousRelease();
        }
    }

    protected override void Release()
    {
        bool added = false;
        try
        {
            socket.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        try
        {
            // ENOENT means no filter is attached any more (replaced and removed by someone else): nothing to undo.
            FileDescriptors.TrySetSocketOption((int)socket.DangerousGetHandle(), SocketLevel, DetachBpfOption, 0, out _);
        }
        finally
        {
            if (added) socket.DangerousRelease();
        }
    }
}
