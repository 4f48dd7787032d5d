using System.Globalization;
using System.Text;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>A program loaded into the kernel. The kernel frees it when this object is disposed and nothing else (a pin, a
/// link, a program array) holds it.</summary>
public sealed class Program : IDisposable
{
    /// <summary>What <c>readlink(/proc/self/fd/N)</c> shows for a program descriptor.</summary>
    const string ProgramFileTarget = "anon_inode:bpf-prog";

    uint id;

    Program(SafeBpfFd handle, string name, ProgramType type, string? verifierLog)
    {
        Handle = handle;
        Name = name;
        Type = type;
        VerifierLog = verifierLog;
    }

    internal SafeBpfFd Handle { get; }

    /// <summary>The program's descriptor, for APIs outside Sharp.Bpf; valid until the program is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The program is disposed.</exception>
    public int Fd => Handle.IsClosed ? throw new ObjectDisposedException(nameof(Program)) : Handle.Fd;

    /// <summary>The program's name: the spec's function name, or for a program opened by pin or id the name the kernel keeps.</summary>
    public string Name { get; }

    /// <summary>The program type.</summary>
    public ProgramType Type { get; }

    /// <summary>The verifier log of a successful load when <see cref="ProgramLoadOptions.LogLevel"/> asked for it, else null.</summary>
    public string? VerifierLog { get; }

    /// <summary>The kernel-wide program id (what <c>bpftool prog show</c> lists). Linux 4.13.</summary>
    /// <exception cref="ObjectDisposedException">The program is disposed.</exception>
    /// <exception cref="BpfException">The kernel refused to describe the program.</exception>
    public uint Id => id != 0 ? id : id = GetInfo().Id;

    /// <summary>What the kernel reports about the program now (run statistics change between calls).</summary>
    /// <remarks>Minimum kernel: Linux 4.13; newer fields read as zero on older kernels.</remarks>
    /// <exception cref="ObjectDisposedException">The program is disposed.</exception>
    /// <exception cref="BpfException">The kernel refused <c>BPF_OBJ_GET_INFO_BY_FD</c>.</exception>
    public ProgramInfo GetInfo() => ReadInfo(Handle);

    /// <summary>Loads <paramref name="spec"/> into the kernel: map references are patched with the descriptors
    /// <see cref="ProgramLoadOptions.ResolveMapFd"/> returns, function and line info go with
    /// <see cref="ProgramLoadOptions.BtfFd"/>, and BTF-attached programs (<c>tp_btf</c>, <c>iter</c>, <c>fentry</c>, <c>lsm</c>) get
    /// their target's id from <c>/sys/kernel/btf/vmlinux</c>. The first attempt runs without a verifier log; a failed
    /// load is repeated with one that grows until the whole log fits (up to 16 MiB).</summary>
    /// <remarks>Minimum kernel: Linux 3.19, and whatever the program type needs (see <see cref="BpfNotSupportedException"/>).</remarks>
    /// <param name="spec">The program to load.</param>
    /// <param name="options">Maps, BTF and overrides; null for a program without map references.</param>
    /// <returns>The loaded program; dispose it to release the kernel object.</returns>
    /// <exception cref="ArgumentException">The spec has no instructions, a map reference does not point at an <c>lddw</c>,
    /// or the spec refers to maps and no resolver was given.</exception>
    /// <exception cref="BpfVerifierException">The verifier rejected the program; the message names the failing instruction,
    /// its source line when the spec has line info, and the reason.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel does not know the program type, or has no such attach target.</exception>
    /// <exception cref="BpfException">The kernel refused before verification; for EPERM the message names the missing capability.</exception>
    public static Program Load(ProgramSpec spec, ProgramLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (handle, log) = ProgramLoader.Load(spec, options ?? new ProgramLoadOptions());
        return new Program(handle, spec.Name, spec.Type, log);
    }

    /// <summary>Runs the program in the kernel on the given data and context (<c>BPF_PROG_TEST_RUN</c>) without attaching it.</summary>
    /// <remarks>Minimum kernel: Linux 4.12 (XDP, tc, socket filters); contexts 5.3; other types later (raw tracepoint 5.10, syscall 5.14).</remarks>
    /// <param name="options">The input data, context and repeat count.</param>
    /// <returns>The return value, the mean duration per run, and the data and context as the program left them.</returns>
    /// <exception cref="ObjectDisposedException">The program is disposed.</exception>
    /// <exception cref="BpfException">The kernel refused: ENOTSUPP for a type without test runs, EINVAL for input it will not
    /// run on (an XDP packet shorter than 14 bytes), ENOSPC when the output does not fit its capacity.</exception>
    public unsafe ProgramTestResult Test(ProgramTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataOut = new byte[options.DataOutCapacity ?? options.Data.Length];
        var contextOut = new byte[options.ContextOutCapacity ?? options.Context.Length];
        using var lease = new SafeBpfFdLease(Handle);
        fixed (byte* dataIn = options.Data.Span)
        fixed (byte* dataOutPointer = dataOut)
        fixed (byte* contextIn = options.Context.Span)
        fixed (byte* contextOutPointer = contextOut)
        {
            var attr = new ProgramTestRunAttr
            {
                ProgramFd = lease.Fd,
                DataSizeIn = (uint)options.Data.Length,
                DataIn = options.Data.IsEmpty ? 0 : (ulong)dataIn,
                DataSizeOut = (uint)dataOut.Length,
                DataOut = dataOut.Length == 0 ? 0 : (ulong)dataOutPointer,
                ContextSizeIn = (uint)options.Context.Length,
                ContextIn = options.Context.IsEmpty ? 0 : (ulong)contextIn,
                ContextSizeOut = (uint)contextOut.Length,
                ContextOut = contextOut.Length == 0 ? 0 : (ulong)contextOutPointer,
                Repeat = options.Repeat,
                Flags = options.Flags,
                Cpu = options.Cpu,
            };
            Syscall.Bpf(BpfCommand.ProgramTestRun, ref attr);
            return new ProgramTestResult(attr.ReturnValue, attr.Duration,
                dataOut[..(int)Math.Min(attr.DataSizeOut, (uint)dataOut.Length)],
                contextOut[..(int)Math.Min(attr.ContextSizeOut, (uint)contextOut.Length)]);
        }
    }

    /// <summary>Pins the program in bpffs, so it outlives this process until the pin is deleted (<c>File.Delete</c>).</summary>
    /// <remarks>Minimum kernel: Linux 4.4.</remarks>
    /// <param name="path">A path under a bpffs mount (usually <c>/sys/fs/bpf</c>) that does not exist yet.</param>
    /// <exception cref="ObjectDisposedException">The program is disposed.</exception>
    /// <exception cref="BpfException">The kernel refused: EEXIST when the path exists, EPERM when it is not on bpffs,
    /// ENOENT when its directory does not exist.</exception>
    public void Pin(string path) => ObjectPins.Pin(Handle, path);

    /// <summary>Opens a program pinned in bpffs.</summary>
    /// <remarks>Minimum kernel: Linux 4.4 (the name and type come from <see cref="GetInfo"/>: Linux 4.15).</remarks>
    /// <param name="path">The pin's path.</param>
    /// <exception cref="BpfException">The kernel refused: ENOENT when nothing is pinned there.</exception>
    /// <exception cref="ArgumentException">The pin holds a bpf object that is not a program (a map or a link).</exception>
    public static Program OpenPinned(string path)
    {
        var handle = ObjectPins.Open(path);
        return FromHandle(handle, $"the object pinned at {path}");
    }

    /// <summary>Opens the loaded program with the kernel-wide <paramref name="id"/> (from <see cref="GetIds"/> or <c>bpftool prog</c>).</summary>
    /// <remarks>Minimum kernel: Linux 4.13.</remarks>
    /// <exception cref="BpfException">The kernel refused: ENOENT when no program has that id.</exception>
    public static Program FromId(uint id)
    {
        var attr = new ObjectIdAttr { Id = id };
        int fd = Syscall.Bpf(BpfCommand.ProgramGetFdById, ref attr);
        return FromHandle(new SafeBpfFd(fd), $"program id {id}");
    }

    /// <summary>The ids of every program loaded in the kernel, in ascending order.</summary>
    /// <remarks>Minimum kernel: Linux 4.13.</remarks>
    /// <exception cref="BpfException">The kernel refused <c>BPF_PROG_GET_NEXT_ID</c> with an error other than ENOENT (which ends the walk).</exception>
    public static IReadOnlyList<uint> GetIds()
    {
        var ids = new List<uint>();
        var attr = new ObjectIdAttr();
        while (true)
        {
            if (!Syscall.TryBpf(BpfCommand.ProgramGetNextId, ref attr, out _, out int errno))
            {
                if (errno == Errno.ENOENT) return ids;
                throw new BpfException(Syscall.OperationName(BpfCommand.ProgramGetNextId), errno);
            }
            ids.Add(attr.NextId);
            attr.Id = attr.NextId;
        }
    }

    /// <summary>Closes the program's descriptor; the kernel frees the program when nothing else holds it.</summary>
    public void Dispose() => Handle.Dispose();

    static Program FromHandle(SafeBpfFd handle, string what)
    {
        try
        {
            var target = new FileInfo($"/proc/self/fd/{handle.Fd}").LinkTarget;
            if (target != ProgramFileTarget)
                throw new ArgumentException($"{what} is not a program ({target})");
            var info = ReadInfo(handle);
            return new Program(handle, info.Name, info.Type, verifierLog: null);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    static unsafe ProgramInfo ReadInfo(SafeBpfFd handle)
    {
        using var lease = new SafeBpfFdLease(handle);
        var info = new ProgramInfoStruct();
        var attr = new ObjectInfoAttr { BpfFd = lease.Fd, InfoLength = (uint)sizeof(ProgramInfoStruct), Info = (ulong)&info };
        Syscall.Bpf(BpfCommand.ObjectGetInfoByFd, ref attr);

        // A second call fetches the map ids now that their number is known; the kernel fills at most that many.
        var mapIds = new uint[info.MapIdCount];
        if (mapIds.Length > 0)
        {
            fixed (uint* mapIdsPointer = mapIds)
            {
                var second = new ProgramInfoStruct { MapIdCount = (uint)mapIds.Length, MapIds = (ulong)mapIdsPointer };
                attr = new ObjectInfoAttr { BpfFd = lease.Fd, InfoLength = (uint)sizeof(ProgramInfoStruct), Info = (ulong)&second };
                Syscall.Bpf(BpfCommand.ObjectGetInfoByFd, ref attr);
                if (second.MapIdCount < mapIds.Length) mapIds = mapIds[..(int)second.MapIdCount];
            }
        }

        return new ProgramInfo
        {
            Type = info.Type,
            Id = info.Id,
            Tag = Convert.ToHexStringLower(new ReadOnlySpan<byte>(info.Tag, 8)),
            Name = NameOf(new ReadOnlySpan<byte>(info.Name, ObjectName.Capacity)),
            XlatedBytes = info.XlatedProgramLength,
            JitedBytes = info.JitedProgramLength,
            VerifiedInstructions = info.VerifiedInstructions,
            MapIds = mapIds,
            BtfId = info.BtfId,
            LoadTime = BootClock.ToWallClock(info.LoadTime),
            CreatedByUid = info.CreatedByUid,
            GplCompatible = (info.Bits & 1) != 0,
            RunTimeNanoseconds = info.RunTimeNanoseconds,
            RunCount = info.RunCount,
            RecursionMisses = info.RecursionMisses,
            AttachBtfId = info.AttachBtfId,
        };
    }

    static string NameOf(ReadOnlySpan<byte> name)
    {
        int length = name.IndexOf((byte)0);
        return Encoding.ASCII.GetString(length < 0 ? name : name[..length]);
    }
}
