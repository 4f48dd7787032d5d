using System.Runtime.InteropServices;
using Sharp.Bpf.Interop;
using Sharp.Bpf.Interop.Netlink;

namespace Sharp.Bpf.Links;

/// <summary>Interface names and indexes by rtnetlink, so lookups happen in the calling thread's network namespace
/// (<c>/sys/class/net</c> shows the namespace sysfs was mounted in, which can differ after <c>setns</c>).</summary>
internal static class NetworkInterfaces
{
    /// <summary>The index of the interface named <paramref name="name"/>.</summary>
    /// <exception cref="NetworkInterfaceNotFoundException">No interface has that name.</exception>
    /// <exception cref="NetlinkException">rtnetlink failed otherwise.</exception>
    public static int IndexOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var socket = new RouteNetlinkSocket();
        var ack = socket.TryExecute(InterfaceMessages.GetByName(name), out var replies);
        if (ack.Errno == Errno.ENODEV || (ack.Errno == 0 && replies.Count == 0))
            throw new NetworkInterfaceNotFoundException(name, Names(socket));
        if (ack.Errno != 0)
            throw new NetlinkException("RTM_GETLINK", ack.Errno, ack.Message, $"looking up network interface '{name}'");
        return MemoryMarshal.Read<InterfaceInfoHeader>(replies[0].Payload.Span).Index;
    }

    /// <summary>The name of the interface with index <paramref name="interfaceIndex"/>, or null when there is none.</summary>
    public static string? NameOf(int interfaceIndex)
    {
        using var socket = new RouteNetlinkSocket();
        var ack = socket.TryExecute(InterfaceMessages.GetByIndex(interfaceIndex), out var replies);
        if (ack.Errno != 0 || replies.Count == 0) return null;
        var attributes = NetlinkAttributes.Parse(replies[0].Payload[16..]);
        return attributes.TryGetValue(InterfaceMessages.NameAttribute, out var name) ? NetlinkAttributes.String(name) : null;
    }

    static List<string> Names(RouteNetlinkSocket socket)
    {
        var names = new List<string>();
        foreach (var message in socket.Dump(InterfaceMessages.DumpAll(), "RTM_GETLINK", "listing network interfaces"))
        {
            if (message.Type != NetlinkMessageType.NewLink) continue;
            var attributes = NetlinkAttributes.Parse(message.Payload[16..]);
            if (attributes.TryGetValue(InterfaceMessages.NameAttribute, out var name)) names.Add(NetlinkAttributes.String(name));
        }
        return names;
    }
}
