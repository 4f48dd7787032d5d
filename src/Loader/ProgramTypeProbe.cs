using System.Collections.Concurrent;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>Asks the kernel whether it knows a program type by loading the smallest valid program of that type
/// (<c>r0 = 0; exit</c>); answers are cached for the life of the process.</summary>
internal static class ProgramTypeProbe
{
    static readonly ConcurrentDictionary<(ProgramType, AttachType), bool> Answers = new();
    static readonly byte[] ReturnZero = InstructionEncoder.Encode([Instruction.Alu64(AluOperation.Mov, Register.R0, 0), Instruction.Exit()]);
    static readonly byte[] License = "GPL\0"u8.ToArray();

    /// <summary>False only when the kernel refuses the probe with EINVAL before verifying it (an empty log): the sign of
    /// a program type (or type and attach type pair) it does not know. Any other outcome counts as known.</summary>
    public static bool IsSupported(ProgramType type, AttachType attachType) =>
        Answers.GetOrAdd((type, attachType), key => Probe(key.Item1, key.Item2));

    static unsafe bool Probe(ProgramType type, AttachType attachType)
    {
        var log = new byte[4096];
        fixed (byte* instructions = ReturnZero)
        fixed (byte* license = License)
        fixed (byte* logBuffer = log)
        {
            var attr = new ProgramLoadAttr
            {
                ProgramType = type,
                InstructionCount = (uint)(ReturnZero.Length / Instruction.SlotSize),
                Instructions = (ulong)instructions,
                License = (ulong)license,
                LogLevel = 1,
                LogSize = (uint)log.Length,
                LogBuffer = (ulong)logBuffer,
                ExpectedAttachType = attachType,
            };
            if (Syscall.TryBpf(BpfCommand.ProgramLoad, ref attr, out int fd, out int errno))
            {
                Syscall.Close(fd);
                return true;
            }
            return !(errno == Errno.EINVAL && log[0] == 0);
        }
    }
}
