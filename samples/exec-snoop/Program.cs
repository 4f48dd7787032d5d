using System.CommandLine;
using Sharp.Bpf.Samples;
using Sharp.Bpf.Samples.ExecSnoop;

var durationOption = new Option<int?>("--duration") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
var commOption = new Option<string?>("--comm") { Description = "Only execs whose new task name is this (the file's base name, first 15 bytes)" };
var root = new RootCommand("exec-snoop: one line per exec (time, pid, parent pid, task name, path) from the sched_process_exec tracepoint (needs root)")
{
    durationOption, commOption,
};
root.Validators.Add(result =>
{
    if (result.GetValue(durationOption) is <= 0) result.AddError("--duration must be a positive number of seconds");
});
root.SetAction(parseResult =>
{
    var seconds = parseResult.GetValue(durationOption);
    var options = new ExecSnoopOptions(seconds is { } s ? TimeSpan.FromSeconds(s) : null, parseResult.GetValue(commOption));
    using var signals = new ShutdownSignals();
    return new ExecSnoopApp().RunAsync(options, Console.Out, signals.Token).GetAwaiter().GetResult();
});
// The action handles SIGINT and SIGTERM itself (ShutdownSignals), so that it can detach and print before exiting.
return root.Parse(args).Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
