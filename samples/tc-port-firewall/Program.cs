using System.CommandLine;
using Sharp.Bpf.Samples;
using Sharp.Bpf.Samples.TcPortFirewall;

var interfaceOption = new Option<string>("--interface", "-i") { Description = "The interface whose incoming TCP and UDP packets are filtered", Required = true };
var blockOption = new Option<string?>("--block", "-b") { Description = "Destination ports to block from the start, e.g. 53,8080" };
var durationOption = new Option<double?>("--duration", "-d") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
var root = new RootCommand($"tc-port-firewall: drops incoming TCP/UDP packets to blocked ports with a tc program (needs root). Reads {FirewallCommands.Usage} on stdin")
{
    interfaceOption, blockOption, durationOption,
};
root.SetAction((parseResult, cancellationToken) =>
{
    ushort[] blocks = [];
    if (parseResult.GetValue(blockOption) is { } list && !PortList.TryParse(list, out blocks, out var error))
    {
        Console.Error.WriteLine($"tc-port-firewall: --block: {error}");
        return Task.FromResult(2);
    }
    var duration = parseResult.GetValue(durationOption) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
    var options = new PortFirewallOptions(parseResult.GetValue(interfaceOption)!, blocks, duration, TimeSpan.FromSeconds(1));
    return PortFirewallApp.RunAsync(options, Console.In, Console.Out, Console.Error, cancellationToken);
});
// The first SIGINT or SIGTERM cancels the run, which then detaches and prints its summary; the runtime's default handling
// of SIGTERM would end the process before that.
using var signals = new ShutdownSignals();
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
