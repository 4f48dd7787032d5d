using System.Text;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>Pinning bpf objects in bpffs and opening pins (<c>BPF_OBJ_PIN</c>, <c>BPF_OBJ_GET</c>).</summary>
internal static class ObjectPins
{
    /// <summary>Pins the object behind <paramref name="handle"/> at <paramref name="path"/>.</summary>
    /// <exception cref="BpfException">The kernel refused (EEXIST, EPERM off bpffs, ENOENT for a missing directory).</exception>
    public static unsafe void Pin(SafeBpfFd handle, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var lease = new SafeBpfFdLease(handle);
        var pathBytes = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* pathPointer = pathBytes)
        {
            var attr = new ObjectPinAttr { PathName = (ulong)pathPointer, BpfFd = lease.Fd };
            if (!Syscall.TryBpf(BpfCommand.ObjectPin, ref attr, out _, out int errno))
                throw new BpfException(Syscall.OperationName(BpfCommand.ObjectPin), errno,
                    $"BPF_OBJ_PIN at {path} failed: {BpfException.DescribeError(errno)}{PinAdvice(errno)}");
        }
    }

    /// <summary>Opens the object pinned at <paramref name="path"/>.</summary>
    /// <exception cref="BpfException">The kernel refused (ENOENT when nothing is pinned there).</exception>
    public static unsafe SafeBpfFd Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var pathBytes = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* pathPointer = pathBytes)
        {
            var attr = new ObjectPinAttr { PathName = (ulong)pathPointer };
            if (!Syscall.TryBpf(BpfCommand.ObjectGet, ref attr, out int fd, out int errno))
                throw new BpfException(Syscall.OperationName(BpfCommand.ObjectGet), errno,
                    $"BPF_OBJ_GET of {path} failed: {BpfException.DescribeError(errno)}{(errno == Errno.ENOENT ? ": nothing is pinned there" : "")}");
            return new SafeBpfFd(fd);
        }
    }

    static string PinAdvice(int errno) => errno switch
    {
        Errno.EEXIST => ": the path exists already",
        Errno.EPERM => ": the path is not on a bpffs mount (mount -t bpf bpf /sys/fs/bpf)",
        Errno.ENOENT => ": the directory does not exist",
        _ => "",
    };
}
