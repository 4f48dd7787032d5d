using System.Net.Sockets;
using System.Runtime.InteropServices;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches socket filter programs (<c>SEC("socket")</c>) to one socket with <c>SO_ATTACH_BPF</c>: the program sees
/// every packet queued to the socket and returns how many bytes to keep (0 drops the packet).</summary>
public static class SocketFilter
{
    /// <summary>Attaches <paramref name="program"/> to <paramref name="socket"/>; disposing the link detaches it
    /// (<c>SO_DETACH_BPF</c>). A socket has one filter: attaching replaces the one before.</summary>
    /// <remarks>Minimum kernel: Linux 3.19.</remarks>
    /// <param name="socket">The socket; it must stay open while attaching.</param>
    /// <param name="program">A loaded <see cref="ProgramType.SocketFilter"/> program.</param>
    /// <exception cref="ArgumentException">The program is not a socket filter.</exception>
    /// <exception cref="ObjectDisposedException">The socket is closed.</exception>
    /// <exception cref="BpfException">The kernel refused <c>SO_ATTACH_BPF</c>.</exception>
    public static Link Attach(Socket socket, Program program)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return Attach(socket.SafeHandle, program);
    }

    /// <summary>Attaches <paramref name="program"/> to the socket <paramref name="socket"/> refers to; disposing the link
    /// detaches it (<c>SO_DETACH_BPF</c>). A socket has one filter: attaching replaces the one before.</summary>
    /// <remarks>Minimum kernel: Linux 3.19.</remarks>
    /// <param name="socket">A handle on a socket descriptor (of any family, raw packet sockets included).</param>
    /// <param name="program">A loaded <see cref="ProgramType.SocketFilter"/> program.</param>
    /// <exception cref="ArgumentException">The program is not a socket filter.</exception>
    /// <exception cref="ObjectDisposedException">The socket handle is closed.</exception>
    /// <exception cref="BpfException">The kernel refused <c>SO_ATTACH_BPF</c> (ENOTSOCK: the descriptor is not a socket).</exception>
    public static Link Attach(SafeHandle socket, Program program)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(program);
        if (program.Type != ProgramType.SocketFilter)
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program; sockets take {ProgramType.SocketFilter} programs (section socket)", nameof(program));
        var link = new SocketFilterLink(socket, $"socket filter program '{program.Name}' on socket {socket.DangerousGetHandle()}");
        link.AttachNow(program);
        return link;
    }
}
