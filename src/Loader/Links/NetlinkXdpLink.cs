using Sharp.Bpf.Interop;
using Sharp.Bpf.Interop.Netlink;

namespace Sharp.Bpf.Links;

/// <summary>An XDP program attached over rtnetlink (RTM_SETLINK with IFLA_XDP, what <c>ip link set dev X xdp</c> does).
/// Disposing detaches the program only if it is still the one attached (<c>XDP_FLAGS_REPLACE</c> with the expected
/// program), so a program someone attached meanwhile stays.</summary>
/// <remarks>Minimum kernel: Linux 4.8 (5.7 for the conditional detach and <see cref="Update"/>). Needs CAP_NET_ADMIN. The
/// program stays attached if the link is not disposed, as with <c>ip</c>. Disposing works from any thread.</remarks>
public sealed class NetlinkXdpLink : Link
{
    readonly NetworkNamespace networkNamespace;
    readonly string interfaceText;
    Program attached;

    NetlinkXdpLink(NetworkNamespace networkNamespace, int interfaceIndex, string interfaceText, XdpMode mode, Program attached)
    {
        this.networkNamespace = networkNamespace;
        this.interfaceText = interfaceText;
        this.attached = attached;
        InterfaceIndex = interfaceIndex;
        Mode = mode;
    }

    /// <summary>The index of the interface the program is attached to.</summary>
    public int InterfaceIndex { get; }

    /// <summary>The mode that was asked for.</summary>
    public XdpMode Mode { get; }

    /// <inheritdoc/>
    public override string Description => $"netlink XDP attachment ({XdpFlags.Name(Mode)}) of program '{attached.Name}' on {interfaceText}";

    /// <summary>Attaches <paramref name="program"/> to the interface named <paramref name="interfaceName"/> in the calling
    /// thread's network namespace.</summary>
    /// <param name="program">An <see cref="ProgramType.Xdp"/> program.</param>
    /// <param name="interfaceName">The interface's name.</param>
    /// <param name="mode">Where the program runs.</param>
    /// <param name="replace">Replace a program attached by netlink already, instead of failing with EBUSY.</param>
    /// <returns>The attachment; dispose it to detach.</returns>
    /// <exception cref="ArgumentException">The program is not an XDP program.</exception>
    /// <exception cref="NetworkInterfaceNotFoundException">No interface has that name; the message lists those that exist.</exception>
    /// <exception cref="NetlinkException">The kernel refused: EBUSY when a program is attached (always when by link),
    /// EOPNOTSUPP when the driver lacks the mode, EPERM without CAP_NET_ADMIN; the message carries the kernel's text.</exception>
    public static NetlinkXdpLink Attach(Program program, string interfaceName, XdpMode mode = XdpMode.Auto, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(program);
        ProgramTypeChecks.RequireXdp(program);
        int interfaceIndex = NetworkInterfaces.IndexOf(interfaceName);
        var networkNamespace = NetworkNamespace.Current();
        // Our own descriptor of the program, so the conditional detach works even after the caller disposes theirs.
        var owned = Program.FromId(program.Id);
        try
        {
            using var socket = new RouteNetlinkSocket();
            uint flags = XdpFlags.Of(mode) | (replace ? 0 : XdpFlags.UpdateIfNoExist);
            var ack = socket.TryExecute(InterfaceMessages.SetXdp(interfaceIndex, owned.Fd, flags, expectedFd: null), out _);
            if (ack.Errno != 0)
                throw new NetlinkException("RTM_SETLINK", ack.Errno, ack.Message,
                    $"attaching XDP program '{program.Name}' ({XdpFlags.Name(mode)}) to {interfaceName}", XdpFlags.Advice(ack.Errno, mode, interfaceName));
            return new NetlinkXdpLink(networkNamespace, interfaceIndex, interfaceName, mode, owned);
        }
        catch
        {
            owned.Dispose();
            networkNamespace.Dispose();
            throw;
        }
    }

    /// <summary>Replaces the attached program atomically, provided the one this link attached is still there.</summary>
    /// <remarks>Minimum kernel: Linux 5.7 (<c>XDP_FLAGS_REPLACE</c>).</remarks>
    /// <exception cref="ArgumentException">The program is not an XDP program.</exception>
    /// <exception cref="NetlinkException">The kernel refused: EEXIST when another program replaced this link's meanwhile.</exception>
    public override void Update(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        ThrowIfDisposed();
        ProgramTypeChecks.RequireXdp(program);
        var owned = Program.FromId(program.Id);
        try
        {
            networkNamespace.Run(() =>
            {
                using var socket = new RouteNetlinkSocket();
                var request = InterfaceMessages.SetXdp(InterfaceIndex, owned.Fd, XdpFlags.Of(Mode) | XdpFlags.Replace, attached.Fd);
                var ack = socket.TryExecute(request, out _);
                if (ack.Errno != 0)
                    throw new NetlinkException("RTM_SETLINK", ack.Errno, ack.Message, $"replacing the program of {Description} with '{program.Name}'",
                        ack.Errno == Errno.EEXIST ? "the attached program is no longer the one this link attached" : XdpFlags.Advice(ack.Errno, Mode, interfaceText));
            });
        }
        catch
        {
            owned.Dispose();
            throw;
        }
        attached.Dispose();
        attached = owned;
    }

    /// <summary>Detaches the program if it is still the one this link attached; an interface that is gone counts as detached.</summary>
    protected override void Release()
    {
        try
        {
            networkNamespace.Run(() =>
            {
                using var socket = new RouteNetlinkSocket();
                var request = InterfaceMessages.SetXdp(InterfaceIndex, -1, XdpFlags.Of(Mode) | XdpFlags.Replace, attached.Fd);
                var ack = socket.TryExecute(request, out _);
                if (ack.Errno != 0 && ack.Errno != Errno.EEXIST && ack.Errno != Errno.ENODEV)
                    throw new NetlinkException("RTM_SETLINK", ack.Errno, ack.Message, $"detaching {Description}");
            });
        }
        finally
        {
            attached.Dispose();
            networkNamespace.Dispose();
        }
    }
}
