using System.CommandLine;
using Sharp.Bpf.Links;
using Sharp.Bpf.Samples;
using Sharp.Bpf.Samples.XdpProtocolCounter;

var interfaceOption = new Option<string>("--interface", "-i") { Description = "The interface whose received packets are counted", Required = true };
var modeOption = new Option<XdpMode>("--mode")
{
    Description = "Where XDP runs: auto (native when the driver supports it, else generic), native, or generic (works on every interface)",
    DefaultValueFactory = _ => XdpMode.Auto,
};
var durationOption = new Option<double?>("--duration", "-d") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
var root = new RootCommand("xdp-protocol-counter: counts received packets per IP protocol with an XDP program (needs root)")
{
    interfaceOption, modeOption, durationOption,
};
root.SetAction((parseResult, cancellationToken) =>
{
    var duration = parseResult.GetValue(durationOption) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
    var options = new ProtocolCounterOptions(parseResult.GetValue(interfaceOption)!, parseResult.GetValue(modeOption), duration, TimeSpan.FromSeconds(1));
    return ProtocolCounterApp.RunAsync(options, Console.Out, Console.Error, cancellationToken);
});
// The first SIGINT or SIGTERM cancels the run, which then detaches and prints its summary; the runtime's default handling
// of SIGTERM would end the process before that.
using var signals = new ShutdownSignals();
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
