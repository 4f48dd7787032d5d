using Sharp.Bpf.Elf;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>Turns a failed <c>BPF_PROG_LOAD</c> into the most specific exception: the verifier's reason when it wrote a log,
/// the missing privilege for EPERM, the missing kernel feature for an unknown program type.</summary>
internal static class ProgramLoadFailure
{
    const string Operation = "BPF_PROG_LOAD";
    const string LockdownPath = "/sys/kernel/security/lockdown";

    /// <summary>The exception for loading <paramref name="spec"/> as <paramref name="attachType"/> failing with
    /// <paramref name="errno"/> and the verifier log <paramref name="log"/> (empty when the kernel wrote none).</summary>
    public static BpfException Describe(ProgramSpec spec, AttachType attachType, int errno, string log)
    {
        if (log.Length > 0) return new BpfVerifierException(spec.Name, errno, log, spec.LineInfos);
        if (errno == Errno.EPERM)
            return new BpfException(Operation, errno, ProgramPrivileges.DescribeDenial(spec.Name, spec.Type, ProcessCapabilities.Effective(), Lockdown()));
        if (errno is Errno.EINVAL or Errno.EOPNOTSUPP or Errno.ENOTSUPP
            && !ProgramTypeVersions.NeedsAttachTarget(spec.Type)
            && !ProgramTypeProbe.IsSupported(spec.Type, attachType))
            return new BpfNotSupportedException(Operation, errno, $"program type {spec.Type}", ProgramTypeVersions.Minimum(spec.Type));
        var advice = Errno.Advice(errno) is { } text ? $": {text}" : "";
        return new BpfException(Operation, errno,
            $"{Operation} of program '{spec.Name}' ({spec.Type}) failed before verification: {BpfException.DescribeError(errno)}{advice}");
    }

    /// <summary>The active lockdown mode ("integrity", "confidentiality"), or null when there is none or no way to tell.</summary>
    static string? Lockdown()
    {
        try
        {
            var modes = File.ReadAllText(LockdownPath);
            int open = modes.IndexOf('['), close = modes.IndexOf(']');
            var active = open >= 0 && close > open ? modes[(open + 1)..close] : null;
            return active is null or "none" ? null : active;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
