using System.Diagnostics;
using System.Runtime.InteropServices;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>What is attached to an interface's tc hooks inside a namespace, asked of the kernel (<c>BPF_PROG_QUERY</c> on
/// the TCX hooks) and of iproute2 (<c>tc qdisc show</c>, <c>tc filter show</c>), not of flat's own link code; and iproute2
/// to set up what a test needs in the way.</summary>
static class TcHooks
{
    const int BpfProgQuery = 16;
    const uint TcxIngress = 46;
    const uint TcxEgress = 47;

    [StructLayout(LayoutKind.Sequential)]
    struct ProgramQueryAttr
    {
        public uint TargetIfindex;
        public uint AttachType;
        public uint QueryFlags;
        public uint AttachFlags;
        public ulong ProgramIds;
        public uint Count;
        public uint Padding;
        public ulong ProgramAttachFlags;
        public ulong LinkIds;
        public ulong LinkAttachFlags;
        public ulong Revision;
    }

    /// <summary>How many programs sit on the TCX ingress and egress hooks of <paramref name="interfaceName"/>.</summary>
    public static (uint Ingress, uint Egress) TcxPrograms(string ns, string interfaceName) =>
        NetworkNamespacePair.RunIn(ns, () =>
        {
            uint index = if_nametoindex(interfaceName);
            if (index == 0) throw new IOException($"no interface {interfaceName} in {ns}");
            return (Query(index, TcxIngress), Query(index, TcxEgress));
        });

    /// <summary>The qdiscs of <paramref name="interfaceName"/> as <c>tc -n</c> prints them.</summary>
    public static string Qdiscs(string ns, string interfaceName) => Tc(ns, "qdisc", "show", "dev", interfaceName);

    /// <summary>The kinds of the qdiscs of <paramref name="interfaceName"/> (e.g. <c>noqueue</c>, <c>clsact</c>), sorted.</summary>
    public static IReadOnlyList<string> QdiscKinds(string ns, string interfaceName) =>
        Qdiscs(ns, interfaceName).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words is ["qdisc", _, ..])
            .Select(words => words[1])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The filters on the <paramref name="hook"/> (<c>ingress</c> or <c>egress</c>) of <paramref name="interfaceName"/>'s
    /// clsact qdisc, one line each as <c>tc -n</c> prints them.</summary>
    public static IReadOnlyList<string> Filters(string ns, string interfaceName, string hook) =>
        Tc(ns, "filter", "show", "dev", interfaceName, hook).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs <c>tc -n <paramref name="ns"/></c> with <paramref name="arguments"/> and returns its output.</summary>
    /// <exception cref="InvalidOperationException">tc failed.</exception>
    public static string Tc(string ns, params string[] arguments)
    {
        var start = new ProcessStartInfo("tc", ["-n", ns, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var tc = Process.Start(start) ?? throw new InvalidOperationException("could not start tc");
        var stderr = tc.StandardError.ReadToEndAsync();
        var output = tc.StandardOutput.ReadToEnd();
        tc.WaitForExit();
        if (tc.ExitCode != 0) throw new InvalidOperationException($"tc {string.Join(' ', arguments)} exited with {tc.ExitCode}: {stderr.Result}");
        return output;
    }

    static uint Query(uint index, uint hook)
    {
        var attr = new ProgramQueryAttr { TargetIfindex = index, AttachType = hook };
        if (syscall(BpfSyscallNumber, BpfProgQuery, ref attr, (uint)Marshal.SizeOf<ProgramQueryAttr>()) < 0)
            throw new IOException($"BPF_PROG_QUERY failed: errno {Marshal.GetLastPInvokeError()}");
        return attr.Count;
    }

    static long BpfSyscallNumber => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 321,
        Architecture.Arm64 => 280,
        var other => throw new PlatformNotSupportedException($"bpf syscall number for {other}"),
    };

    [DllImport("libc", SetLastError = true)]
    static extern long syscall(long number, int command, ref ProgramQueryAttr attr, uint size);

    [DllImport("libc", SetLastError = true)]
    static extern uint if_nametoindex(string name);
}
