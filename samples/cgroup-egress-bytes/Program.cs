using System.CommandLine;
using Sharp.Bpf.Samples;
using Sharp.Bpf.Samples.CgroupEgressBytes;

var cgroupOption = new Option<string>("--cgroup") { Description = "The cgroup v2 directory, e.g. /sys/fs/cgroup/system.slice", Required = true };
var durationOption = new Option<int?>("--duration") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
var root = new RootCommand("cgroup-egress-bytes: packets and bytes a cgroup's processes send, counted by a cgroup skb egress program (needs root)")
{
    cgroupOption, durationOption,
};
root.Validators.Add(result =>
{
    if (result.GetValue(durationOption) is <= 0) result.AddError("--duration must be a positive number of seconds");
});
root.SetAction(parseResult =>
{
    var seconds = parseResult.GetValue(durationOption);
    var options = new CgroupEgressBytesOptions(parseResult.GetValue(cgroupOption)!, seconds is { } s ? TimeSpan.FromSeconds(s) : null);
    using var signals = new ShutdownSignals();
    return new CgroupEgressBytesApp().RunAsync(options, Console.Out, signals.Token).GetAwaiter().GetResult();
});
// The action handles SIGINT and SIGTERM itself (ShutdownSignals), so that it can detach and print before exiting.
return root.Parse(args).Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
