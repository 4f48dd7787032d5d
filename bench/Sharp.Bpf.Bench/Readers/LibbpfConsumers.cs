using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sharp.Bpf.Bench.Readers;

/// <summary>The reference consumers in bench/native, compiled against libbpf into a shared library in a temporary folder
/// and called through function pointers, so they run in this process on the same maps and producer as our readers.</summary>
internal sealed unsafe class LibbpfConsumers : IDisposable
{
    readonly nint library;
    readonly delegate* unmanaged<int, nint> ringbufOpen;
    readonly delegate* unmanaged<nint, int*, ulong*, long> ringbufRun;
    readonly delegate* unmanaged<nint, void> ringbufClose;
    readonly delegate* unmanaged<int, int, uint, nint> perfbufOpen;
    readonly delegate* unmanaged<nint, int*, ulong*, long*, long> perfbufRun;
    readonly delegate* unmanaged<nint, void> perfbufClose;

    LibbpfConsumers(nint library)
    {
        this.library = library;
        ringbufOpen = (delegate* unmanaged<int, nint>)NativeLibrary.GetExport(library, "ringbuf_consumer_open");
        ringbufRun = (delegate* unmanaged<nint, int*, ulong*, long>)NativeLibrary.GetExport(library, "ringbuf_consumer_run");
        ringbufClose = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "ringbuf_consumer_close");
        perfbufOpen = (delegate* unmanaged<int, int, uint, nint>)NativeLibrary.GetExport(library, "perfbuf_consumer_open");
        perfbufRun = (delegate* unmanaged<nint, int*, ulong*, long*, long>)NativeLibrary.GetExport(library, "perfbuf_consumer_run");
        perfbufClose = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "perfbuf_consumer_close");
    }

    /// <summary>Builds bench/native/*.c with <c>cc -O2 -shared -fPIC ... -lbpf</c> and loads the result.</summary>
    /// <exception cref="InvalidOperationException">The compiler failed (libbpf-dev missing?).</exception>
    public static LibbpfConsumers Build()
    {
        var sources = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "native"), "*.c");
        var output = Path.Combine(Directory.CreateTempSubdirectory("sharp-bpf-bench-").FullName, "libconsumers.so");
        var start = new ProcessStartInfo("cc") { RedirectStandardError = true };
        foreach (var argument in new[] { "-O2", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-o", output }.Concat(sources).Append("-lbpf"))
            start.ArgumentList.Add(argument);
        using var compiler = Process.Start(start) ?? throw new InvalidOperationException("could not start cc");
        string errors = compiler.StandardError.ReadToEnd();
        compiler.WaitForExit();
        if (compiler.ExitCode != 0)
            throw new InvalidOperationException($"cc {string.Join(' ', start.ArgumentList)} failed (is libbpf-dev installed?):\n{errors}");
        return new LibbpfConsumers(NativeLibrary.Load(output));
    }

    /// <summary>ring_buffer__new over <paramref name="mapFd"/>, then <paramref name="measure"/>(run), then ring_buffer__free,
    /// where run polls with ring_buffer__poll until the producer is done and returns the records and their checksum.</summary>
    public T WithRingBuffer<T>(int mapFd, Func<Func<nint, (long Records, ulong Checksum)>, T> measure)
    {
        nint consumer = ringbufOpen(mapFd);
        if (consumer == 0) throw new InvalidOperationException($"ring_buffer__new failed: errno {Marshal.GetLastSystemError()}");
        try
        {
            return measure(done =>
            {
                ulong checksum;
                long records = ringbufRun(consumer, (int*)done, &checksum);
                return records < 0 ? throw new InvalidOperationException($"ring_buffer__poll failed: {records}") : (records, checksum);
            });
        }
        finally
        {
            ringbufClose(consumer);
        }
    }

    /// <summary>perf_buffer__new_raw over <paramref name="mapFd"/>, then <paramref name="measure"/>(run), then perf_buffer__free,
    /// where run polls with perf_buffer__poll until the producer is done and returns the records, checksum and losses.</summary>
    public T WithPerfBuffer<T>(int mapFd, int pagesPerCpu, uint watermarkBytes, Func<Func<nint, (long Records, ulong Checksum, long Lost)>, T> measure)
    {
        nint consumer = perfbufOpen(mapFd, pagesPerCpu, watermarkBytes);
        if (consumer == 0) throw new InvalidOperationException($"perf_buffer__new_raw failed: errno {Marshal.GetLastSystemError()}");
        try
        {
            return measure(done =>
            {
                ulong checksum;
                long lost;
                long records = perfbufRun(consumer, (int*)done, &checksum, &lost);
                return records < 0 ? throw new InvalidOperationException($"perf_buffer__poll failed: {records}") : (records, checksum, lost);
            });
        }
        finally
        {
            perfbufClose(consumer);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => NativeLibrary.Free(library);
}
