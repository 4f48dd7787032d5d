namespace Sharp.Bpf.Samples.TcPortFirewall;

/// <summary>The commands read at run time, one per line: <c>block PORTS</c>, <c>unblock PORTS</c> (PORTS: one port or a
/// comma-separated list), <c>list</c> (blocked ports and drop counts) and <c>help</c>.</summary>
public static class FirewallCommands
{
    /// <summary>What <c>help</c> and an unknown command print.</summary>
    public const string Usage = "commands: block PORT[,PORT...], unblock PORT[,PORT...], list, help";

    /// <summary>Runs one command line against <paramref name="session"/> and writes its answer to <paramref name="output"/>;
    /// blank lines do nothing.</summary>
    /// <exception cref="ObjectDisposedException">The session is closed.</exception>
    /// <exception cref="BpfException">The kernel refused a map update (e.g. the map is full).</exception>
    public static void Execute(string line, FirewallSession session, TextWriter output)
    {
        var words = line.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return;
        var command = words[0].ToLowerInvariant();
        if (command is "block" or "unblock")
        {
            var error = "no port given";
            ushort[] ports = [];
            if (words.Length < 2 || !PortList.TryParse(words[1], out ports, out error))
                output.WriteLine($"{command}: {error}");
            else if (command == "block")
                foreach (var port in ports)
                {
                    session.Block(port);
                    output.WriteLine($"blocked {port}");
                }
            else
                foreach (var port in ports)
                    output.WriteLine(session.Unblock(port) ? $"unblocked {port}" : $"{port} was not blocked");
            return;
        }
        switch (command)
        {
            case "list":
                var blocked = session.BlockedPorts();
                output.WriteLine($"blocked ports: {(blocked.Count == 0 ? "none" : string.Join(", ", blocked))}");
                output.WriteLine($"dropped packets by port: {Describe(session.Drops())}");
                break;
            case "help":
                output.WriteLine(Usage);
                break;
            default:
                output.WriteLine($"unknown command '{words[0]}'; {Usage}");
                break;
        }
    }

    /// <summary>"53=2, 8080=5", or "none".</summary>
    public static string Describe(IReadOnlyList<KeyValuePair<ushort, ulong>> drops) =>
        drops.Count == 0 ? "none" : string.Join(", ", drops.Select(drop => $"{drop.Key}={drop.Value}"));
}
