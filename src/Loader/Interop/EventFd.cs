using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Tmds.Linux;

namespace Sharp.Bpf.Interop;

/// <summary>A non-blocking eventfd (<c>eventfd(2)</c>, Linux 2.6.27) used to wake a thread blocked in <c>epoll_wait</c>
/// from another thread.</summary>
internal sealed class EventFd : IDisposable
{
    readonly SafeFileHandle handle;

    /// <summary>Creates the eventfd with a zero counter (close-on-exec, non-blocking).</summary>
    /// <exception cref="BpfException">The kernel refused (EMFILE, ENOMEM).</exception>
    public EventFd()
    {
        int fd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
        if (fd < 0) throw new BpfException("eventfd", Marshal.GetLastPInvokeError());
        handle = new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>The descriptor number, for registering in an epoll.</summary>
    public int Fd => (int)handle.DangerousGetHandle();

    /// <summary>Makes the eventfd readable. Safe from any thread; a signal already pending is kept.</summary>
    public unsafe void Signal()
    {
        ulong one = 1;
        LibC.write(Fd, &one, sizeof(ulong));
    }

    /// <summary>Clears a pending signal, so the eventfd is no longer readable.</summary>
    public unsafe void Reset()
    {
        ulong count;
        LibC.read(Fd, &count, sizeof(ulong));
    }

    /// <inheritdoc/>
    public void Dispose() => handle.Dispose();
}
