using System.Text;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>BTF type information loaded into the kernel (<c>BPF_BTF_LOAD</c>, Linux 4.18), referred to by maps and programs
/// so that the kernel and tools such as bpftool can show their keys, values and source lines.</summary>
public sealed class BtfHandle : IDisposable
{
    /// <summary>The first BTF log buffer; small blobs need less.</summary>
    const int InitialLogSize = 64 * 1024;
    /// <summary>The largest BTF log buffer; beyond it the kernel keeps the log's end, where the error is.</summary>
    const int MaxLogSize = 16 * 1024 * 1024;
    const uint LogLevelVerbose = 1;

    uint id;

    BtfHandle(SafeBpfFd handle) => Handle = handle;

    /// <summary>The descriptor, for a map create or program load attr.</summary>
    internal SafeBpfFd Handle { get; }

    /// <summary>The kernel's id for this BTF object (what <c>bpftool btf list</c> shows). Linux 5.0.</summary>
    /// <exception cref="ObjectDisposedException">The handle was disposed.</exception>
    /// <exception cref="BpfException">The kernel refused to describe the object.</exception>
    public unsafe uint Id
    {
        get
        {
            if (id != 0) return id;
            var info = new BtfInfoStruct();
            using (var fd = new SafeBpfFdLease(Handle))
            {
                var attr = new ObjectInfoAttr { BpfFd = fd.Fd, InfoLength = (uint)sizeof(BtfInfoStruct), Info = (ulong)&info };
                Syscall.Bpf(BpfCommand.ObjectGetInfoByFd, ref attr);
            }
            return id = info.Id;
        }
    }

    /// <summary>Opens the BTF object with kernel id <paramref name="id"/> (<c>BPF_BTF_GET_FD_BY_ID</c>, Linux 5.0), e.g. the
    /// <see cref="MapInfo.BtfId"/> of a map, to read its types with <see cref="GetRawBytes"/>.</summary>
    /// <exception cref="BpfException">No BTF object has that id (ENOENT), or the kernel refused (EPERM without CAP_SYS_ADMIN).</exception>
    internal static BtfHandle FromId(uint id)
    {
        var attr = new ObjectIdAttr { Id = id };
        int fd = Syscall.Bpf(BpfCommand.BtfGetFdById, ref attr);
        return new BtfHandle(new SafeBpfFd(fd)) { id = id };
    }

    /// <summary>The raw BTF blob the kernel holds (<c>BPF_OBJ_GET_INFO_BY_FD</c> with a buffer, Linux 5.0), for
    /// <see cref="Btf.BtfSpec.Parse"/>.</summary>
    /// <exception cref="ObjectDisposedException">The handle was disposed.</exception>
    /// <exception cref="BpfException">The kernel refused to describe the object.</exception>
    internal unsafe byte[] GetRawBytes()
    {
        using var fd = new SafeBpfFdLease(Handle);
        // The first call asks only for the size; the second copies that many bytes.
        var info = new BtfInfoStruct();
        var attr = new ObjectInfoAttr { BpfFd = fd.Fd, InfoLength = (uint)sizeof(BtfInfoStruct), Info = (ulong)&info };
        Syscall.Bpf(BpfCommand.ObjectGetInfoByFd, ref attr);
        var raw = new byte[info.BtfSize];
        fixed (byte* rawPointer = raw)
        {
            info = new BtfInfoStruct { Btf = (ulong)rawPointer, BtfSize = (uint)raw.Length };
            attr = new ObjectInfoAttr { BpfFd = fd.Fd, InfoLength = (uint)sizeof(BtfInfoStruct), Info = (ulong)&info };
            Syscall.Bpf(BpfCommand.ObjectGetInfoByFd, ref attr);
        }
        return raw;
    }

    /// <summary>Loads raw BTF (the content of an object's <c>.BTF</c> section, or what <c>BtfBuilder.Build</c> returns).
    /// The first attempt runs without a log; if it fails, the load is repeated with log level 1 and a log buffer that
    /// grows while the kernel reports ENOSPC. Linux 4.18.</summary>
    /// <param name="rawBtf">The BTF blob: header, type section and string section.</param>
    /// <exception cref="ArgumentException"><paramref name="rawBtf"/> is empty.</exception>
    /// <exception cref="BtfLoadException">The kernel refused the BTF; the exception has the kernel's log.</exception>
    /// <exception cref="BpfException">The kernel refused without a log (e.g. EPERM without privileges).</exception>
    public static BtfHandle Load(ReadOnlySpan<byte> rawBtf)
    {
        if (rawBtf.IsEmpty) throw new ArgumentException("a BTF blob has at least a header; got 0 bytes", nameof(rawBtf));
        if (TryLoad(rawBtf, [], out int fd, out int errno, out _)) return new BtfHandle(new SafeBpfFd(fd));

        int logSize = InitialLogSize;
        while (true)
        {
            var log = new byte[logSize];
            if (TryLoad(rawBtf, log, out fd, out errno, out uint logTrueSize)) return new BtfHandle(new SafeBpfFd(fd));
            if (errno == Errno.ENOSPC && logSize < MaxLogSize)
            {
                // Linux 6.4+ reports the size the whole log needs; older kernels get doubling.
                logSize = (int)Math.Min(MaxLogSize, Math.Max((long)logSize * 2, logTrueSize));
                continue;
            }
            int length = Array.IndexOf(log, (byte)0);
            var text = Encoding.UTF8.GetString(log, 0, length < 0 ? log.Length : length).TrimEnd();
            if (text.Length == 0) throw new BpfException(Syscall.OperationName(BpfCommand.BtfLoad), errno);
            throw new BtfLoadException(errno, text);
        }
    }

    static unsafe bool TryLoad(ReadOnlySpan<byte> rawBtf, byte[] log, out int fd, out int errno, out uint logTrueSize)
    {
        fixed (byte* btfPointer = rawBtf)
        fixed (byte* logPointer = log)
        {
            var attr = new BtfLoadAttr
            {
                Btf = (ulong)btfPointer,
                BtfSize = (uint)rawBtf.Length,
                LogBuffer = (ulong)logPointer,
                LogSize = (uint)log.Length,
                LogLevel = log.Length > 0 ? LogLevelVerbose : 0,
            };
            bool loaded = Syscall.TryBpf(BpfCommand.BtfLoad, ref attr, out fd, out errno);
            logTrueSize = attr.LogTrueSize;
            return loaded;
        }
    }

    /// <summary>Closes the descriptor; the kernel frees the BTF when no map or program refers to it any more.</summary>
    public void Dispose() => Handle.Dispose();
}
