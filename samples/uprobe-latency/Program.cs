using System.CommandLine;
using Sharp.Bpf.Samples;
using Sharp.Bpf.Samples.UprobeLatency;

var binaryOption = new Option<string>("--binary") { Description = "The executable or shared library (a path, or a name such as libc.so.6)", Required = true };
var functionOption = new Option<string>("--function") { Description = "The function to measure (a symbol of the binary)", Required = true };
var durationOption = new Option<int?>("--duration") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
var pidOption = new Option<int?>("--pid") { Description = "Only calls made by this process" };
var root = new RootCommand("uprobe-latency: a log2 histogram of a user-space function's latency, from a uprobe and a uretprobe (needs root)")
{
    binaryOption, functionOption, durationOption, pidOption,
};
root.Validators.Add(result =>
{
    if (result.GetValue(durationOption) is <= 0) result.AddError("--duration must be a positive number of seconds");
    if (result.GetValue(pidOption) is <= 0) result.AddError("--pid must be a process id");
});
root.SetAction(parseResult =>
{
    var seconds = parseResult.GetValue(durationOption);
    var options = new UprobeLatencyOptions(parseResult.GetValue(binaryOption)!, parseResult.GetValue(functionOption)!,
        seconds is { } s ? TimeSpan.FromSeconds(s) : null, parseResult.GetValue(pidOption));
    using var signals = new ShutdownSignals();
    return new UprobeLatencyApp().RunAsync(options, Console.Out, signals.Token).GetAwaiter().GetResult();
});
// The action handles SIGINT and SIGTERM itself (ShutdownSignals), so that it can detach and print before exiting.
return root.Parse(args).Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
