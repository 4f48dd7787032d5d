using System.Diagnostics;
using System.Net;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Sharp.Bpf.Testing;

/// <summary>Two fresh network namespaces joined by a veth pair, for tests that need real traffic. Names are unique per
/// process and instance (<c>sbpf-PID-N-a</c>/<c>-b</c>, veths <c>sbPIDxNa</c>/<c>b</c>); the addresses
/// (<see cref="AddressA"/>, <see cref="AddressB"/>) exist only inside the namespaces. Dispose deletes both namespaces,
/// which destroys the veth pair and everything attached to it, also after a failed test or a failed construction.</summary>
/// <remarks>Our own code enters a namespace with <c>setns</c> on a dedicated thread (<see cref="RunInA{T}"/>); child tools
/// may use <c>ip -n</c>/<c>tc -n</c>. Never <c>ip netns exec</c> for our own process: it remounts /sys.</remarks>
public sealed class NetworkNamespacePair : IDisposable
{
    const int CloneNewNet = 0x40000000;
    static int counter;
    // iproute2's netns add/del remount /run/netns; concurrent runs from parallel tests can race, so one at a time.
    static readonly Lock IpLock = new();

    /// <summary>Creates the namespaces, the veth pair and the addresses, and brings the interfaces up.</summary>
    public NetworkNamespacePair()
    {
        int pid = Environment.ProcessId;
        int instance = Interlocked.Increment(ref counter);
        NamespaceA = $"sbpf-{pid}-{instance}-a";
        NamespaceB = $"sbpf-{pid}-{instance}-b";
        InterfaceA = $"sb{pid}x{instance}a";
        InterfaceB = $"sb{pid}x{instance}b";
        try
        {
            Ip("netns", "add", NamespaceA);
            Ip("netns", "add", NamespaceB);
            Ip("link", "add", InterfaceA, "netns", NamespaceA, "type", "veth", "peer", "name", InterfaceB, "netns", NamespaceB);
            foreach (var (ns, name, address) in new[] { (NamespaceA, InterfaceA, AddressA), (NamespaceB, InterfaceB, AddressB) })
            {
                Ip("-n", ns, "addr", "add", $"{address}/24", "dev", name);
                Ip("-n", ns, "link", "set", "lo", "up");
                Ip("-n", ns, "link", "set", name, "up");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The first namespace's name (under /run/netns).</summary>
    public string NamespaceA { get; }

    /// <summary>The second namespace's name.</summary>
    public string NamespaceB { get; }

    /// <summary>The veth end inside <see cref="NamespaceA"/>.</summary>
    public string InterfaceA { get; }

    /// <summary>The veth end inside <see cref="NamespaceB"/>.</summary>
    public string InterfaceB { get; }

    /// <summary>The address of <see cref="InterfaceA"/>.</summary>
    public IPAddress AddressA { get; } = IPAddress.Parse("10.199.0.1");

    /// <summary>The address of <see cref="InterfaceB"/>.</summary>
    public IPAddress AddressB { get; } = IPAddress.Parse("10.199.0.2");

    /// <summary>The IPv6 unique local address of <see cref="InterfaceA"/> once <see cref="AddIpv6Addresses"/> ran.</summary>
    public IPAddress Ipv6AddressA { get; } = IPAddress.Parse("fd00:199::1");

    /// <summary>The IPv6 unique local address of <see cref="InterfaceB"/> once <see cref="AddIpv6Addresses"/> ran.</summary>
    public IPAddress Ipv6AddressB { get; } = IPAddress.Parse("fd00:199::2");

    /// <summary>Adds <see cref="Ipv6AddressA"/> and <see cref="Ipv6AddressB"/> (/64) to the veth ends, without duplicate
    /// address detection so they are usable at once.</summary>
    public void AddIpv6Addresses()
    {
        Ip("-n", NamespaceA, "addr", "add", $"{Ipv6AddressA}/64", "dev", InterfaceA, "nodad");
        Ip("-n", NamespaceB, "addr", "add", $"{Ipv6AddressB}/64", "dev", InterfaceB, "nodad");
    }

    /// <summary>Runs <paramref name="action"/> on a dedicated thread inside <see cref="NamespaceA"/>; sockets and netlink
    /// sockets it creates belong to that namespace for their whole life.</summary>
    public T RunInA<T>(Func<T> action) => RunIn(NamespaceA, action);

    /// <summary>Runs <paramref name="action"/> on a dedicated thread inside <see cref="NamespaceB"/>.</summary>
    public T RunInB<T>(Func<T> action) => RunIn(NamespaceB, action);

    /// <summary>Runs <paramref name="action"/> on a dedicated thread inside the namespace named <paramref name="name"/>.</summary>
    public static T RunIn<T>(string name, Func<T> action)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var ns = File.OpenHandle($"/run/netns/{name}");
                if (setns((int)ns.DangerousGetHandle(), CloneNewNet) != 0)
                    throw new IOException($"setns into {name} failed: errno {Marshal.GetLastPInvokeError()}");
                result = action();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>Deletes both namespaces (and with them the veth pair); tolerates either being gone.</summary>
    public void Dispose()
    {
        foreach (var ns in new[] { NamespaceA, NamespaceB })
            for (int attempt = 0; attempt < 3 && File.Exists($"/run/netns/{ns}"); attempt++)
                TryIp("netns", "del", ns);
    }

    static void Ip(params string[] arguments)
    {
        var (exitCode, stderr) = RunIp(arguments);
        if (exitCode != 0) throw new InvalidOperationException($"ip {string.Join(' ', arguments)} exited with {exitCode}: {stderr}");
    }

    static void TryIp(params string[] arguments) => RunIp(arguments);

    static (int ExitCode, string Stderr) RunIp(string[] arguments)
    {
        lock (IpLock) return RunIpUnlocked(arguments);
    }

    static (int ExitCode, string Stderr) RunIpUnlocked(string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ip");
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr);
    }

    [DllImport("libc", SetLastError = true)]
    static extern int setns(int fd, int nstype);
}
