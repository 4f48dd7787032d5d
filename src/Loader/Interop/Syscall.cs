using System.Runtime.InteropServices;
using Tmds.Linux;

namespace Sharp.Bpf.Interop;

/// <summary>The one place that enters the kernel for bpf objects: <c>bpf(2)</c> and <c>close(2)</c> of the
/// descriptors it returns. Everything else in Sharp.Bpf goes through here.</summary>
internal static class Syscall
{
    /// <summary>libbpf's bound: the verifier can return EAGAIN for a load when it is interrupted by a signal.</summary>
    const int ProgramLoadAttempts = 5;

    static readonly int BpfSyscallNumber = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 321,
        Architecture.Arm64 => 280,
        Architecture.Arm => 386,
        var other => throw new PlatformNotSupportedException($"Sharp.Bpf does not know the bpf() syscall number on {other}"),
    };

    /// <summary>Calls <c>bpf(command, &amp;attr, sizeof(attr))</c>; retries EINTR, and EAGAIN for program loads a bounded number of times.</summary>
    /// <returns>The call's non-negative result (a new fd for create/load commands, else 0).</returns>
    /// <exception cref="BpfException">The call failed; the exception carries errno and the command's name.</exception>
    public static int Bpf<TAttr>(BpfCommand command, ref TAttr attr) where TAttr : unmanaged =>
        TryBpf(command, ref attr, out int result, out int errno) ? result : throw new BpfException(OperationName(command), errno);

    /// <summary>Calls <c>bpf(command, &amp;attr, sizeof(attr))</c> like <see cref="Bpf"/>, returning false and errno instead of throwing,
    /// for callers that handle particular errors (a missing element, a log buffer that is too small).</summary>
    public static unsafe bool TryBpf<TAttr>(BpfCommand command, ref TAttr attr, out int result, out int errno) where TAttr : unmanaged
    {
        int attempts = 0;
        while (true)
        {
            long returned;
            fixed (TAttr* pointer = &attr)
                returned = (long)LibC.syscall(BpfSyscallNumber, (int)command, pointer, (uint)sizeof(TAttr));
            if (returned >= 0)
            {
                result = (int)returned;
                errno = 0;
                return true;
            }
            // The P/Invoke stub saved errno right after the call, before any other native code could overwrite it.
            errno = Marshal.GetLastPInvokeError();
            attempts++;
            if (errno == Errno.EINTR) continue;
            if (errno == Errno.EAGAIN && command == BpfCommand.ProgramLoad && attempts < ProgramLoadAttempts) continue;
            result = -1;
            return false;
        }
    }

    static readonly int PerfEventOpenSyscallNumber = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 298,
        Architecture.Arm64 => 241,
        Architecture.Arm => 364,
        var other => throw new PlatformNotSupportedException($"Sharp.Bpf does not know the perf_event_open() syscall number on {other}"),
    };

    /// <summary>Calls <c>perf_event_open(&amp;attr, pid, cpu, groupFd, flags)</c> (Linux 2.6.31); retries EINTR.
    /// <c>flags</c> should include PERF_FLAG_FD_CLOEXEC (8).</summary>
    /// <returns>The new perf event descriptor.</returns>
    /// <exception cref="BpfException">The call failed; the exception carries errno.</exception>
    public static unsafe int PerfEventOpen(ref PerfEventAttr attr, int pid, int cpu, int groupFd, ulong flags)
    {
        attr.Size = (uint)sizeof(PerfEventAttr);
        while (true)
        {
            long returned;
            fixed (PerfEventAttr* pointer = &attr)
                returned = (long)LibC.syscall(PerfEventOpenSyscallNumber, pointer, pid, cpu, groupFd, (void*)flags);
            if (returned >= 0) return (int)returned;
            int errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINTR) throw new BpfException("perf_event_open", errno);
        }
    }

    /// <summary>Calls <c>ioctl(fd, request, argument)</c>; retries EINTR.</summary>
    /// <exception cref="BpfException">The call failed; <paramref name="operation"/> names it in the message.</exception>
    public static unsafe int Ioctl(int fd, ulong request, long argument, string operation)
    {
        while (true)
        {
            int returned = LibC.ioctl(fd, (int)request, (void*)argument);
            if (returned >= 0) return returned;
            int errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINTR) throw new BpfException(operation, errno);
        }
    }

    /// <summary>Closes a descriptor. Not retried on EINTR: Linux releases the descriptor even then, and a retry could close a reused number.</summary>
    public static void Close(int fd) => LibC.close(fd);

    /// <summary>The name of the command as linux/bpf.h spells it, for messages.</summary>
    public static string OperationName(BpfCommand command) => command switch
    {
        BpfCommand.MapCreate => "BPF_MAP_CREATE",
        BpfCommand.MapLookupElement => "BPF_MAP_LOOKUP_ELEM",
        BpfCommand.MapUpdateElement => "BPF_MAP_UPDATE_ELEM",
        BpfCommand.MapDeleteElement => "BPF_MAP_DELETE_ELEM",
        BpfCommand.MapGetNextKey => "BPF_MAP_GET_NEXT_KEY",
        BpfCommand.ProgramLoad => "BPF_PROG_LOAD",
        BpfCommand.ObjectPin => "BPF_OBJ_PIN",
        BpfCommand.ObjectGet => "BPF_OBJ_GET",
        BpfCommand.ProgramAttach => "BPF_PROG_ATTACH",
        BpfCommand.ProgramDetach => "BPF_PROG_DETACH",
        BpfCommand.ProgramTestRun => "BPF_PROG_TEST_RUN",
        BpfCommand.ProgramGetNextId => "BPF_PROG_GET_NEXT_ID",
        BpfCommand.MapGetNextId => "BPF_MAP_GET_NEXT_ID",
        BpfCommand.ProgramGetFdById => "BPF_PROG_GET_FD_BY_ID",
        BpfCommand.MapGetFdById => "BPF_MAP_GET_FD_BY_ID",
        BpfCommand.ObjectGetInfoByFd => "BPF_OBJ_GET_INFO_BY_FD",
        BpfCommand.ProgramQuery => "BPF_PROG_QUERY",
        BpfCommand.RawTracepointOpen => "BPF_RAW_TRACEPOINT_OPEN",
        BpfCommand.BtfLoad => "BPF_BTF_LOAD",
        BpfCommand.BtfGetFdById => "BPF_BTF_GET_FD_BY_ID",
        BpfCommand.TaskFdQuery => "BPF_TASK_FD_QUERY",
        BpfCommand.MapLookupAndDeleteElement => "BPF_MAP_LOOKUP_AND_DELETE_ELEM",
        BpfCommand.MapFreeze => "BPF_MAP_FREEZE",
        BpfCommand.BtfGetNextId => "BPF_BTF_GET_NEXT_ID",
        BpfCommand.MapLookupBatch => "BPF_MAP_LOOKUP_BATCH",
        BpfCommand.MapLookupAndDeleteBatch => "BPF_MAP_LOOKUP_AND_DELETE_BATCH",
        BpfCommand.MapUpdateBatch => "BPF_MAP_UPDATE_BATCH",
        BpfCommand.MapDeleteBatch => "BPF_MAP_DELETE_BATCH",
        BpfCommand.LinkCreate => "BPF_LINK_CREATE",
        BpfCommand.LinkUpdate => "BPF_LINK_UPDATE",
        BpfCommand.LinkGetFdById => "BPF_LINK_GET_FD_BY_ID",
        BpfCommand.LinkGetNextId => "BPF_LINK_GET_NEXT_ID",
        BpfCommand.EnableStats => "BPF_ENABLE_STATS",
        BpfCommand.IterCreate => "BPF_ITER_CREATE",
        BpfCommand.LinkDetach => "BPF_LINK_DETACH",
        BpfCommand.ProgramBindMap => "BPF_PROG_BIND_MAP",
        BpfCommand.TokenCreate => "BPF_TOKEN_CREATE",
        _ => $"bpf command {(int)command}",
    };
}
