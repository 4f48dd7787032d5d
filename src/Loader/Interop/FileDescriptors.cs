using System.Runtime.InteropServices;
using System.Text;
using Tmds.Linux;

namespace Sharp.Bpf.Interop;

/// <summary>The few non-bpf descriptors attaching needs: directories (cgroups) and socket options (socket filters).</summary>
internal static class FileDescriptors
{
    /// <summary>Opens <paramref name="path"/> with O_RDONLY | O_DIRECTORY | O_CLOEXEC, the way the kernel wants a cgroup named.</summary>
    /// <exception cref="BpfException">open(2) failed; the message names the path.</exception>
    public static unsafe SafeBpfFd OpenDirectory(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        while (true)
        {
            int fd;
            fixed (byte* pointer = bytes)
                fd = LibC.open(pointer, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC);
            if (fd >= 0) return new SafeBpfFd(fd);
            int errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINTR)
                throw new BpfException("open", errno, $"open({path}, O_RDONLY|O_DIRECTORY) failed: {BpfException.DescribeError(errno)}");
        }
    }

    /// <summary>Sets an int-valued socket option; returns false and errno instead of throwing.</summary>
    public static unsafe bool TrySetSocketOption(int socket, int level, int option, int value, out int errno)
    {
        if (LibC.setsockopt(socket, level, option, &value, sizeof(int)) == 0)
        {
            errno = 0;
            return true;
        }
        errno = Marshal.GetLastPInvokeError();
        return false;
    }
}
