using System.CommandLine;
using Sharp.Bpf.Inspect.Conformance;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf conformance FOLDER</c>: runs every conformance <c>.data</c> file in the running kernel and prints the verdicts.</summary>
public static class ConformanceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of .data files (bpf_conformance/tests)" };
        var verbose = new Option<bool>("--verbose") { Description = "Print every test, not only failures and known rejections" };
        var command = new Command("conformance", "Run the BPF conformance suite's .data files in the running kernel (needs root)") { folder, verbose };
        command.SetAction(result => Execute(result.GetValue(folder)!, result.GetValue(verbose), Console.Out, Console.Error));
        return command;
    }

    internal static int Execute(DirectoryInfo folder, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        if (!folder.Exists)
        {
            stderr.WriteLine($"sharp-bpf conformance: folder '{folder.FullName}' does not exist");
            return 1;
        }
        var runner = new ConformanceRunner(KernelConformance.Execute);
        int passed = 0, failed = 0, rejected = 0;
        foreach (var path in folder.GetFiles("*.data").Select(f => f.FullName).Order(StringComparer.Ordinal))
        {
            var outcome = KernelConformance.Classify(runner.Evaluate(path));
            switch (outcome.Verdict)
            {
                case KernelConformance.Verdict.Passed:
                    passed++;
                    if (verbose) stdout.WriteLine($"PASS     {outcome.Outcome.Name}");
                    break;
                case KernelConformance.Verdict.RejectedByKernel:
                    rejected++;
                    stdout.WriteLine($"REJECTED {outcome.Outcome.Name}: {outcome.Outcome.Detail} — {outcome.Reason}");
                    break;
                default:
                    failed++;
                    stdout.WriteLine($"FAIL     {outcome.Outcome.Name}: {outcome.Outcome.Stage}: {outcome.Outcome.Detail}");
                    break;
            }
        }
        stdout.WriteLine($"conformance: {passed} passed, {failed} failed, {rejected} rejected by the kernel by design");
        return failed == 0 ? 0 : 1;
    }
}
