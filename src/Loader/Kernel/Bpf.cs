using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Sharp.Bpf.Kernel;

/// <summary>The kernel helpers kernel-side C# calls directly (map helpers are members of the map declarations). Each
/// method names its helper with <see cref="BpfHelperAttribute"/> and compiles to <c>call &lt;id&gt;</c> with arguments in
/// r1–r5 and the result in r0. Managed, each reads or records <see cref="BpfRuntime.Current"/>.</summary>
public static class Bpf
{
    /// <summary>The most iterations <see cref="Loop{TContext}"/> accepts (<c>BPF_MAX_LOOPS</c>, 1 &lt;&lt; 23).</summary>
    public const uint MaxLoopIterations = 1u << 23;

    /// <summary>Nanoseconds since boot, not counting suspend (<c>CLOCK_MONOTONIC</c>).</summary>
    /// <remarks><c>bpf_ktime_get_ns</c> (helper 5, Linux 4.1).</remarks>
    [BpfHelper(BpfHelperId.KtimeGetNs)]
    public static ulong KtimeGetNs() => BpfRuntime.Current.MonotonicNs;

    /// <summary>Nanoseconds since boot, counting suspend (<c>CLOCK_BOOTTIME</c>).</summary>
    /// <remarks><c>bpf_ktime_get_boot_ns</c> (helper 125, Linux 5.8).</remarks>
    [BpfHelper(BpfHelperId.KtimeGetBootNs)]
    public static ulong KtimeGetBootNs() => BpfRuntime.Current.MonotonicNs + BpfRuntime.Current.SuspendedNs;

    /// <summary>The CPU the program runs on.</summary>
    /// <remarks><c>bpf_get_smp_processor_id</c> (helper 8, Linux 4.1).</remarks>
    [BpfHelper(BpfHelperId.GetSmpProcessorId)]
    public static uint GetSmpProcessorId() => BpfRuntime.Current.Cpu;

    /// <summary>A pseudo-random number (not for cryptography).</summary>
    /// <remarks><c>bpf_get_prandom_u32</c> (helper 7, Linux 4.1).</remarks>
    [BpfHelper(BpfHelperId.GetPrandomU32)]
    public static uint GetPrandomU32() => (uint)BpfRuntime.Current.Random.NextInt64(0, 1L << 32);

    /// <summary>The current process id in the high 32 bits (<c>tgid</c>, what user space calls the pid) and the thread id in
    /// the low 32 bits.</summary>
    /// <remarks><c>bpf_get_current_pid_tgid</c> (helper 14, Linux 4.2).</remarks>
    [BpfHelper(BpfHelperId.GetCurrentPidTgid)]
    public static ulong GetCurrentPidTgid() => (ulong)BpfRuntime.Current.ProcessId << 32 | BpfRuntime.Current.ThreadId;

    /// <summary>The current task's group id in the high 32 bits and user id in the low 32 bits.</summary>
    /// <remarks><c>bpf_get_current_uid_gid</c> (helper 15, Linux 4.2).</remarks>
    [BpfHelper(BpfHelperId.GetCurrentUidGid)]
    public static ulong GetCurrentUidGid() => (ulong)BpfRuntime.Current.GroupId << 32 | BpfRuntime.Current.UserId;

    /// <summary>Copies the current task's name into <paramref name="comm"/>.</summary>
    /// <returns>0.</returns>
    /// <remarks><c>bpf_get_current_comm(buf, 16)</c> (helper 16, Linux 4.2) with <paramref name="comm"/> on the stack.</remarks>
    [BpfHelper(BpfHelperId.GetCurrentComm)]
    public static long GetCurrentComm(out TaskComm comm)
    {
        comm = default;
        var bytes = Encoding.UTF8.GetBytes(BpfRuntime.Current.Comm);
        bytes.AsSpan(0, Math.Min(bytes.Length, TaskComm.Length - 1)).CopyTo(comm);
        return 0;
    }

    /// <summary>Copies a <typeparamref name="T"/> from kernel memory at <paramref name="address"/>.</summary>
    /// <returns>0, or -EFAULT with <paramref name="value"/> zeroed when the memory cannot be read.</returns>
    /// <remarks><c>bpf_probe_read_kernel(dst, sizeof(T), src)</c> (helper 113, Linux 5.5, GPL only) into the stack.</remarks>
    [BpfHelper(BpfHelperId.ProbeReadKernel)]
    public static long ProbeReadKernel<T>(out T value, ulong address) where T : unmanaged => ProbeRead(BpfRuntime.Current.KernelMemory, out value, address);

    /// <summary>Copies a <typeparamref name="T"/> from the current process's memory at <paramref name="address"/>.</summary>
    /// <returns>0, or -EFAULT with <paramref name="value"/> zeroed when the memory cannot be read.</returns>
    /// <remarks><c>bpf_probe_read_user(dst, sizeof(T), src)</c> (helper 112, Linux 5.5, GPL only) into the stack.</remarks>
    [BpfHelper(BpfHelperId.ProbeReadUser)]
    public static long ProbeReadUser<T>(out T value, ulong address) where T : unmanaged => ProbeRead(BpfRuntime.Current.UserMemory, out value, address);

    /// <summary>Copies a NUL-terminated string from kernel memory into <paramref name="destination"/>, truncated to fit
    /// and always NUL-terminated.</summary>
    /// <returns>The bytes copied including the NUL, or -EFAULT with <paramref name="destination"/> zeroed.</returns>
    /// <remarks><c>bpf_probe_read_kernel_str(dst, size, src)</c> (helper 115, Linux 5.5, GPL only).</remarks>
    [BpfHelper(BpfHelperId.ProbeReadKernelStr)]
    public static long ProbeReadKernelStr(Span<byte> destination, ulong address) => ProbeReadString(BpfRuntime.Current.KernelMemory, destination, address);

    /// <summary>Copies a NUL-terminated string from the current process's memory into <paramref name="destination"/>,
    /// truncated to fit and always NUL-terminated.</summary>
    /// <returns>The bytes copied including the NUL, or -EFAULT with <paramref name="destination"/> zeroed.</returns>
    /// <remarks><c>bpf_probe_read_user_str(dst, size, src)</c> (helper 114, Linux 5.5, GPL only).</remarks>
    [BpfHelper(BpfHelperId.ProbeReadUserStr)]
    public static long ProbeReadUserStr(Span<byte> destination, ulong address) => ProbeReadString(BpfRuntime.Current.UserMemory, destination, address);

    /// <summary>Copies a NUL-terminated string from kernel memory into <paramref name="destination"/> (a byte buffer such as an
    /// <c>[InlineArray]</c> struct), truncated to fit and always NUL-terminated. The bytes after the NUL are unspecified in
    /// the kernel (the helper leaves them as they were); managed code zeroes them.</summary>
    /// <returns>The bytes copied including the NUL, or -EFAULT with <paramref name="destination"/> zeroed.</returns>
    /// <remarks><c>bpf_probe_read_kernel_str(dst, sizeof(T), src)</c> (helper 115, Linux 5.5, GPL only). A tracepoint's
    /// <c>__data_loc</c> string is at <c>(ulong)record + (location &amp; 0xFFFF)</c>, with the record taken as a pointer.</remarks>
    [BpfHelper(BpfHelperId.ProbeReadKernelStr)]
    public static long ProbeReadKernelStr<T>(out T destination, ulong address) where T : unmanaged
    {
        destination = default;
        return ProbeReadString(BpfRuntime.Current.KernelMemory, MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref destination, 1)), address);
    }

    /// <summary>Copies a NUL-terminated string from the current process's memory into <paramref name="destination"/> (a byte
    /// buffer such as an <c>[InlineArray]</c> struct), truncated to fit and always NUL-terminated. The bytes after the NUL are
    /// unspecified in the kernel (the helper leaves them as they were); managed code zeroes them.</summary>
    /// <returns>The bytes copied including the NUL, or -EFAULT with <paramref name="destination"/> zeroed.</returns>
    /// <remarks><c>bpf_probe_read_user_str(dst, sizeof(T), src)</c> (helper 114, Linux 5.5, GPL only).</remarks>
    [BpfHelper(BpfHelperId.ProbeReadUserStr)]
    public static long ProbeReadUserStr<T>(out T destination, ulong address) where T : unmanaged
    {
        destination = default;
        return ProbeReadString(BpfRuntime.Current.UserMemory, MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref destination, 1)), address);
    }

    /// <summary>Writes <paramref name="format"/> to the trace pipe (<c>/sys/kernel/tracing/trace_pipe</c>). For debugging:
    /// slow, and it prints a warning banner in the kernel log. The format must be a constant string.</summary>
    /// <returns>The bytes written. Managed, the message goes to <see cref="BpfRuntime.PrintkLines"/>.</returns>
    /// <remarks><c>bpf_trace_printk(fmt, size)</c> (helper 6, Linux 4.1, GPL only) with the format in <c>.rodata</c>.</remarks>
    [BpfHelper(BpfHelperId.TracePrintk)]
    public static long TracePrintk(string format) => Printk(format, []);

    /// <summary>Writes <paramref name="format"/> with one argument to the trace pipe; see <see cref="TracePrintk(string)"/>.
    /// Conversions: <c>%d %i %u %x %X %c %p</c>, with <c>l</c>/<c>ll</c> for 64-bit.</summary>
    /// <remarks><c>bpf_trace_printk(fmt, size, a1)</c> (helper 6), the argument widened to 64 bits in r3.</remarks>
    [BpfHelper(BpfHelperId.TracePrintk)]
    public static long TracePrintk<T1>(string format, T1 arg1) where T1 : IBinaryInteger<T1> =>
        Printk(format, [ulong.CreateTruncating(arg1)]);

    /// <summary>Writes <paramref name="format"/> with two arguments to the trace pipe; see <see cref="TracePrintk{T1}"/>.</summary>
    /// <remarks><c>bpf_trace_printk(fmt, size, a1, a2)</c> (helper 6).</remarks>
    [BpfHelper(BpfHelperId.TracePrintk)]
    public static long TracePrintk<T1, T2>(string format, T1 arg1, T2 arg2) where T1 : IBinaryInteger<T1> where T2 : IBinaryInteger<T2> =>
        Printk(format, [ulong.CreateTruncating(arg1), ulong.CreateTruncating(arg2)]);

    /// <summary>Writes <paramref name="format"/> with three arguments (the most the helper takes) to the trace pipe; see
    /// <see cref="TracePrintk{T1}"/>.</summary>
    /// <remarks><c>bpf_trace_printk(fmt, size, a1, a2, a3)</c> (helper 6).</remarks>
    [BpfHelper(BpfHelperId.TracePrintk)]
    public static long TracePrintk<T1, T2, T3>(string format, T1 arg1, T2 arg2, T3 arg3)
        where T1 : IBinaryInteger<T1> where T2 : IBinaryInteger<T2> where T3 : IBinaryInteger<T3> =>
        Printk(format, [ulong.CreateTruncating(arg1), ulong.CreateTruncating(arg2), ulong.CreateTruncating(arg3)]);

    /// <summary>Copies packet bytes from <paramref name="offset"/> into <paramref name="destination"/>, including bytes past
    /// the linear part that <see cref="SkBuff.Packet"/> cannot reach.</summary>
    /// <returns>0, or -EFAULT when the packet is shorter than <paramref name="offset"/> + the length.</returns>
    /// <remarks><c>bpf_skb_load_bytes(skb, offset, to, len)</c> (helper 26, Linux 4.5) into the stack.</remarks>
    [BpfHelper(BpfHelperId.SkbLoadBytes)]
    public static long SkbLoadBytes(SkBuff skb, uint offset, Span<byte> destination)
    {
        var frame = skb.Frame;
        if (offset > frame.Length || frame.Length - offset < destination.Length) return Errno.Fault;
        frame.AsSpan((int)offset, destination.Length).CopyTo(destination);
        return 0;
    }

    /// <summary>Copies a <typeparamref name="T"/> from packet offset <paramref name="offset"/>; see
    /// <see cref="SkbLoadBytes(SkBuff, uint, Span{byte})"/>.</summary>
    /// <returns>0, or -EFAULT with <paramref name="value"/> zeroed.</returns>
    /// <remarks><c>bpf_skb_load_bytes(skb, offset, &amp;value, sizeof(T))</c> (helper 26, Linux 4.5).</remarks>
    [BpfHelper(BpfHelperId.SkbLoadBytes)]
    public static long SkbLoadBytes<T>(SkBuff skb, uint offset, out T value) where T : unmanaged
    {
        value = default;
        return SkbLoadBytes(skb, offset, MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1)));
    }

    /// <summary>Makes the first <paramref name="length"/> bytes of the packet linear (and writable), so
    /// <see cref="SkBuff.Packet"/> reaches them; 0 pulls the whole packet. Any <see cref="Packet"/> taken before the call
    /// is invalid afterwards: take <see cref="SkBuff.Packet"/> again.</summary>
    /// <returns>0, or -ENOMEM when the packet is shorter than <paramref name="length"/>.</returns>
    /// <remarks><c>bpf_skb_pull_data(skb, len)</c> (helper 39, Linux 4.9); the generator reloads <c>data</c> and
    /// <c>data_end</c> after it.</remarks>
    [BpfHelper(BpfHelperId.SkbPullData)]
    public static long SkbPullData(SkBuff skb, uint length) => skb.PullData(length);

    /// <summary>Redirects the packet of a tc program to interface <paramref name="ifindex"/> once the program returns
    /// <see cref="TcAction.Redirect"/>.</summary>
    /// <param name="ifindex">The target interface.</param>
    /// <param name="flags"><c>BPF_F_INGRESS</c> (1) to deliver to the interface's ingress instead of transmitting.</param>
    /// <returns><see cref="TcAction.Redirect"/> (return it); <see cref="TcAction.Shot"/> for unknown flags.</returns>
    /// <remarks><c>bpf_redirect(ifindex, flags)</c> (helper 23, Linux 4.4).</remarks>
    [BpfHelper(BpfHelperId.Redirect)]
    public static TcAction Redirect(uint ifindex, ulong flags = 0)
    {
        if ((flags & ~1UL) != 0) return TcAction.Shot;
        BpfRuntime.Current.LastRedirect = (ifindex, flags);
        return TcAction.Redirect;
    }

    /// <summary>Redirects the packet of an XDP program out of interface <paramref name="ifindex"/> once the program returns
    /// <see cref="XdpAction.Redirect"/>.</summary>
    /// <param name="ifindex">The target interface.</param>
    /// <param name="flags">0.</param>
    /// <returns><see cref="XdpAction.Redirect"/> (return it); <see cref="XdpAction.Aborted"/> for non-zero flags.</returns>
    /// <remarks><c>bpf_redirect(ifindex, flags)</c> (helper 23) in an XDP program (Linux 4.14).</remarks>
    [BpfHelper(BpfHelperId.Redirect)]
    public static XdpAction XdpRedirect(uint ifindex, ulong flags = 0)
    {
        if (flags != 0) return XdpAction.Aborted;
        BpfRuntime.Current.LastRedirect = (ifindex, flags);
        return XdpAction.Redirect;
    }

    /// <summary>Calls <paramref name="body"/> up to <paramref name="iterations"/> times — a loop whose bound the verifier
    /// need not see. <paramref name="body"/> must be a static, non-generic method passed by name (the compiler rejects a
    /// lambda, SBPF0009).</summary>
    /// <returns>The iterations run (counting the one that returned 1), -E2BIG past <see cref="MaxLoopIterations"/>,
    /// -EINVAL for non-zero <paramref name="flags"/>.</returns>
    /// <remarks><c>bpf_loop(nr_loops, callback_fn, callback_ctx, flags)</c> (helper 181, Linux 5.17): r2 is a
    /// <c>ld_imm64</c> of the body's subprogram, r3 points at <paramref name="context"/> on the stack.</remarks>
    [BpfHelper(BpfHelperId.Loop)]
    public static long Loop<TContext>(uint iterations, LoopBody<TContext> body, ref TContext context, ulong flags = 0)
    {
        if (flags != 0) return Errno.Invalid;
        if (iterations > MaxLoopIterations) return Errno.TooBig;
        for (var i = 0u; i < iterations; i++)
        {
            var verdict = body(i, ref context);
            if (verdict == 1) return i + 1;
            if (verdict != 0) throw new InvalidOperationException($"A bpf_loop body returned {verdict}; the verifier accepts only 0 (continue) and 1 (stop).");
        }
        return iterations;
    }

    static long ProbeRead<T>(ProbeMemory memory, out T value, ulong address) where T : unmanaged
    {
        value = default;
        var bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1));
        if (memory.TryRead(address, bytes)) return 0;
        bytes.Clear();
        return Errno.Fault;
    }

    static long ProbeReadString(ProbeMemory memory, Span<byte> destination, ulong address)
    {
        if (destination.IsEmpty) return 0;
        for (var i = 0; i < destination.Length - 1; i++)
        {
            if (!memory.TryRead(address + (ulong)i, out var b))
            {
                destination.Clear();
                return Errno.Fault;
            }
            destination[i] = b;
            if (b == 0) return i + 1;
        }
        destination[^1] = 0;
        return destination.Length;
    }

    static long Printk(string format, ReadOnlySpan<ulong> arguments)
    {
        var line = PrintkFormatter.Format(format, arguments);
        BpfRuntime.Current.PrintkLines.Add(line);
        return Encoding.UTF8.GetByteCount(line);
    }
}
