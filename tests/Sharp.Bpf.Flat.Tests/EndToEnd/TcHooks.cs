using System.Diagnostics;
using System.Runtime.InteropServices;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>What is attached to an interface's tc hooks inside a namespace, asked of the kernel (<c>BPF_PROG_QUERY</c> on
/// the TCX hooks) and of iproute2 (<c>tc qdisc show</c>), not of flat's own link code.</summary>
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
    public static string Qdiscs(string ns, string interfaceName)
    {
        var start = new ProcessStartInfo("tc", ["-n", ns, "qdisc", "show", "dev", interfaceName]) { RedirectStandardOutput = true };
        using var tc = Process.Start(start) ?? throw new InvalidOperationException("could not start tc");
        var output = tc.StandardOutput.ReadToEnd();
        tc.WaitForExit();
        if (tc.ExitCode != 0) throw new InvalidOperationException($"tc qdisc show exited with {tc.ExitCode}");
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
