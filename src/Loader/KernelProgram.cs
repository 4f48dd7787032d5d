using System.Text;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>A program loaded into the kernel.</summary>
internal sealed class KernelProgram : IDisposable
{
    /// <summary>The first verifier log buffer; the log rarely needs more for small programs.</summary>
    public const int InitialLogSize = 64 * 1024;
    /// <summary>The largest verifier log buffer; beyond it the kernel keeps the log's end, where the error is.</summary>
    public const int MaxLogSize = 16 * 1024 * 1024;

    KernelProgram(SafeBpfFd handle, string name)
    {
        Handle = handle;
        Name = name;
    }

    /// <summary>The program's descriptor.</summary>
    public SafeBpfFd Handle { get; }
    /// <summary>The name the kernel shows for the program.</summary>
    public string Name { get; }

    /// <summary>Loads a program. The first attempt runs without a verifier log (the fast path); if it fails, the load
    /// is repeated with log level 1 and a log buffer that grows while the kernel reports ENOSPC, so the whole log is kept.</summary>
    /// <param name="type">The program type.</param>
    /// <param name="instructions">The encoded instructions, 8 bytes per slot, with map fds already in place.</param>
    /// <param name="license">The license string; GPL-only helpers need a GPL-compatible one.</param>
    /// <param name="name">The name the kernel shows (at most 15 characters of [A-Za-z0-9_.]).</param>
    /// <param name="expectedAttachType">The attach type the program is meant for, where its type has several.</param>
    /// <exception cref="ArgumentException">The instructions are not whole slots, or the name is not a valid kernel object name.</exception>
    /// <exception cref="BpfVerifierException">The verifier rejected the program.</exception>
    /// <exception cref="BpfException">The kernel refused before verification (e.g. EPERM without privileges).</exception>
    public static KernelProgram Load(ProgramType type, ReadOnlySpan<byte> instructions, string license, string name, AttachType expectedAttachType = default)
    {
        if (instructions.Length == 0 || instructions.Length % 8 != 0)
            throw new ArgumentException($"a program is a non-empty sequence of 8-byte instruction slots; got {instructions.Length} bytes", nameof(instructions));
        var licenseBytes = Encoding.ASCII.GetBytes(license + "\0");
        if (TryLoad(type, instructions, licenseBytes, name, expectedAttachType, [], out int fd, out int errno, out _))
            return new KernelProgram(new SafeBpfFd(fd), name);

        int logSize = InitialLogSize;
        while (true)
        {
            var log = new byte[logSize];
            if (TryLoad(type, instructions, licenseBytes, name, expectedAttachType, log, out fd, out errno, out uint logTrueSize))
                return new KernelProgram(new SafeBpfFd(fd), name);
            if (errno == Errno.ENOSPC && logSize < MaxLogSize)
            {
                // Linux 6.4+ reports the size the whole log needs; older kernels get doubling.
                logSize = (int)Math.Min(MaxLogSize, Math.Max((long)logSize * 2, logTrueSize));
                continue;
            }
            int length = Array.IndexOf(log, (byte)0);
            var text = Encoding.UTF8.GetString(log, 0, length < 0 ? log.Length : length).TrimEnd();
            if (text.Length == 0) throw new BpfException(Syscall.OperationName(BpfCommand.ProgramLoad), errno);
            throw new BpfVerifierException(name, errno, text);
        }
    }

    static unsafe bool TryLoad(ProgramType type, ReadOnlySpan<byte> instructions, byte[] license, string name, AttachType expectedAttachType,
        byte[] log, out int fd, out int errno, out uint logTrueSize)
    {
        fixed (byte* instructionsPointer = instructions)
        fixed (byte* licensePointer = license)
        fixed (byte* logPointer = log)
        {
            var attr = new ProgramLoadAttr
            {
                ProgramType = type,
                InstructionCount = (uint)(instructions.Length / 8),
                Instructions = (ulong)instructionsPointer,
                License = (ulong)licensePointer,
                LogLevel = log.Length > 0 ? 1u : 0u,
                LogSize = (uint)log.Length,
                LogBuffer = (ulong)logPointer,
                ExpectedAttachType = expectedAttachType,
            };
            ObjectName.Write(name, new Span<byte>(attr.ProgramName, ObjectName.Capacity));
            bool loaded = Syscall.TryBpf(BpfCommand.ProgramLoad, ref attr, out fd, out errno);
            logTrueSize = attr.LogTrueSize;
            return loaded;
        }
    }

    /// <summary>Runs the program in the kernel on <paramref name="dataIn"/> (for XDP and tc, the packet).</summary>
    /// <param name="dataIn">The input data.</param>
    /// <param name="dataOutCapacity">Room for the data as the program leaves it; 0 skips copying it back.</param>
    /// <param name="repeat">How many times to run; the duration is the mean.</param>
    /// <exception cref="BpfException">The kernel refused (e.g. EINVAL for an XDP packet shorter than 14 bytes, ENOSPC when the output does not fit).</exception>
    public unsafe ProgramTestRun TestRun(ReadOnlySpan<byte> dataIn, int dataOutCapacity, uint repeat = 1)
    {
        var dataOut = new byte[dataOutCapacity];
        fixed (byte* inPointer = dataIn)
        fixed (byte* outPointer = dataOut)
        {
            var attr = new ProgramTestRunAttr
            {
                ProgramFd = (uint)Handle.Fd,
                DataSizeIn = (uint)dataIn.Length,
                DataIn = (ulong)inPointer,
                DataSizeOut = (uint)dataOutCapacity,
                DataOut = dataOutCapacity > 0 ? (ulong)outPointer : 0,
                Repeat = repeat,
            };
            Syscall.Bpf(BpfCommand.ProgramTestRun, ref attr);
            return new ProgramTestRun(attr.ReturnValue, attr.Duration, dataOut[..(int)Math.Min(attr.DataSizeOut, (uint)dataOutCapacity)]);
        }
    }

    /// <summary>Closes the program's descriptor; the kernel frees the program when nothing else holds it.</summary>
    public void Dispose() => Handle.Dispose();
}
