using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Tmds.Linux;

namespace Sharp.Bpf.Interop;

/// <summary>An epoll instance (<c>epoll_create1(2)</c>, Linux 2.6.27) that reports readiness of registered descriptors by a
/// caller-chosen 64-bit tag.</summary>
internal sealed class Epoll : IDisposable
{
    readonly SafeFileHandle handle;

    /// <summary>Creates the instance (close-on-exec).</summary>
    /// <exception cref="BpfException">The kernel refused (EMFILE, ENOMEM).</exception>
    public Epoll()
    {
        int fd = LibC.epoll_create1(LibC.EPOLL_CLOEXEC);
        if (fd < 0) throw new BpfException("epoll_create1", Marshal.GetLastPInvokeError());
        handle = new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Watches <paramref name="fd"/> for readability; <see cref="Wait"/> reports it as <paramref name="tag"/>.</summary>
    /// <exception cref="BpfException">The kernel refused (e.g. EPERM for a descriptor that does not support polling).</exception>
    public unsafe void AddReadable(int fd, ulong tag, string what)
    {
        var watched = new epoll_event { events = LibC.EPOLLIN };
        watched.data.u64 = tag;
        if (LibC.epoll_ctl(Fd, LibC.EPOLL_CTL_ADD, fd, &watched) < 0)
            throw new BpfException($"epoll_ctl(EPOLL_CTL_ADD) for {what}", Marshal.GetLastPInvokeError());
    }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> (-1: forever) and writes the tags of ready descriptors
    /// into <paramref name="readyTags"/>. An interrupting signal counts as a wake-up with nothing ready.</summary>
    /// <returns>How many tags were written; 0 on timeout.</returns>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public unsafe int Wait(Span<ulong> readyTags, int timeoutMilliseconds)
    {
        int capacity = Math.Min(readyTags.Length, MaxEventsPerWait);
        epoll_event* events = stackalloc epoll_event[MaxEventsPerWait];
        int ready = LibC.epoll_wait(Fd, events, capacity, timeoutMilliseconds);
        if (ready < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Errno.EINTR) return 0;
            throw new BpfException("epoll_wait", errno);
        }
        for (int i = 0; i < ready; i++) readyTags[i] = events[i].data.u64;
        return ready;
    }

    /// <summary>The most events one <see cref="Wait"/> returns; more ready descriptors are reported by the next call.</summary>
    public const int MaxEventsPerWait = 64;

    int Fd => (int)handle.DangerousGetHandle();

    /// <inheritdoc/>
    public void Dispose() => handle.Dispose();
}
