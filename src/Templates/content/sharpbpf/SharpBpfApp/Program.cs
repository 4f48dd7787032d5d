using SharpBpfApp.Kernel;

// The user side: loads PacketCounter through the kernel verifier, attaches it to an interface's XDP hook and prints the
// counts every second. Usage: sudo dotnet run -- [interface] [seconds]
var interfaceName = args.Length > 0 ? args[0] : "lo";
var seconds = args.Length > 1 ? int.Parse(args[1]) : 10;

using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

using var loaded = PacketCounter.Load();
using var link = loaded.Count.Attach(interfaceName);
Console.WriteLine($"Counting IPv4 packets on {interfaceName} for {seconds} s (Ctrl+C stops)...");
while (!stop.IsCancellationRequested)
{
    stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
    var counts = Enumerable.Range(0, 256)
        .Select(protocol => (Protocol: protocol, Packets: loaded.PacketsByProtocol.Lookup((uint)protocol)))
        .Where(entry => entry.Packets > 0)
        .Select(entry => $"protocol {entry.Protocol}: {entry.Packets}")
        .DefaultIfEmpty("no IPv4 packets yet");
    Console.WriteLine($"{DateTime.Now:HH:mm:ss} {string.Join(", ", counts)}");
}
