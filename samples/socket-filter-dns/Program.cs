using System.CommandLine;
using Sharp.Bpf.Samples;
using Sharp.Bpf.Samples.SocketFilterDns;

var interfaceOption = new Option<string>("--interface", "-i") { Description = "The interface whose DNS traffic is printed", Required = true };
var countOption = new Option<int?>("--count", "-c") { Description = "Stop after this many DNS packets" };
var durationOption = new Option<double?>("--duration", "-d") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
var root = new RootCommand("socket-filter-dns: prints DNS packets kept by a socket filter on a raw packet socket (needs root)")
{
    interfaceOption, countOption, durationOption,
};
root.SetAction((parseResult, cancellationToken) =>
{
    var duration = parseResult.GetValue(durationOption) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
    var options = new DnsSnoopOptions(parseResult.GetValue(interfaceOption)!, parseResult.GetValue(countOption), duration);
    return DnsSnoopApp.RunAsync(options, Console.Out, Console.Error, cancellationToken);
});
// The first SIGINT or SIGTERM cancels the run, which then detaches and prints its summary; the runtime's default handling
// of SIGTERM would end the process before that.
using var signals = new ShutdownSignals();
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
