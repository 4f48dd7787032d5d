using System.Globalization;
using Sharp.Bpf.Links;

namespace Sharp.Bpf.Samples.TcPortFirewall;

/// <summary>The user side: starts a <see cref="FirewallSession"/>, runs the commands read from the input while it prints
/// the drop counts whenever they changed, and prints them once more when it stops.</summary>
public static class PortFirewallApp
{
    /// <summary>Exit code when the firewall could not start (not root, no such interface, kernel refusal).</summary>
    public const int Failure = 1;

    /// <summary>Filters until <paramref name="cancellationToken"/> is cancelled or <see cref="PortFirewallOptions.Duration"/>
    /// passed, then detaches. Attaches before the first await, on the calling thread, so the interface is looked up in that
    /// thread's network namespace. The end of <paramref name="input"/> ends the commands, not the firewall.</summary>
    /// <remarks>Minimum kernel: Linux 4.5 (clsact); TCX from 6.6. Needs root (CAP_BPF, CAP_NET_ADMIN).</remarks>
    /// <returns>0, or <see cref="Failure"/> after printing the reason to <paramref name="error"/>.</returns>
    public static async Task<int> RunAsync(PortFirewallOptions options, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            error.WriteLine("tc-port-firewall: needs root (CAP_BPF and CAP_NET_ADMIN); run it with sudo");
            return Failure;
        }
        FirewallSession session;
        try
        {
            session = FirewallSession.Start(options.InterfaceName, options.InitialBlocks);
        }
        // InvalidOperationException: netlink attach (kernels before 6.6) found an ingress qdisc in the way.
        catch (Exception exception) when (exception is NetworkInterfaceNotFoundException or BpfException or InvalidOperationException)
        {
            error.WriteLine($"tc-port-firewall: starting on {options.InterfaceName} failed: {exception.Message}");
            return Failure;
        }
        using (session)
        {
            output.WriteLine($"filtering TCP and UDP arriving on {options.InterfaceName} ({session.Attachment}); Ctrl+C to stop");
            FirewallCommands.Execute("list", session, output);
            output.WriteLine(FirewallCommands.Usage);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.Duration is { } duration) stop.CancelAfter(duration);
            var commands = Task.Run(() => RunCommandsAsync(input, session, output, error, stop.Token), CancellationToken.None);
            await ReportUntilStoppedAsync(session, options.Interval, output, stop.Token);
            // Console input cannot be cancelled mid-line: a pending read is left behind, and the closed session refuses
            // whatever it returns.
            stop.Cancel();
            await Task.WhenAny(commands, Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None));
            output.WriteLine($"dropped packets by port at exit: {FirewallCommands.Describe(session.Drops())}");
        }
        return 0;
    }

    static async Task RunCommandsAsync(TextReader input, FirewallSession session, TextWriter output, TextWriter error, CancellationToken stop)
    {
        try
        {
            while (await input.ReadLineAsync(stop) is { } line && !stop.IsCancellationRequested)
            {
                try
                {
                    FirewallCommands.Execute(line, session, output);
                }
                catch (BpfException exception)
                {
                    error.WriteLine($"tc-port-firewall: {line.Trim()}: {exception.Message}");
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: the session is closing or closed.
        }
    }

    static async Task ReportUntilStoppedAsync(FirewallSession session, TimeSpan interval, TextWriter output, CancellationToken stop)
    {
        var printed = "none";
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var drops = FirewallCommands.Describe(session.Drops());
                if (drops == printed) continue;
                output.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} dropped packets by port: {drops}");
                printed = drops;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
