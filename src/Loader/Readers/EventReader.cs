using System.Runtime.CompilerServices;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>What the ring buffer and perf buffer readers share: one epoll over all their rings, blocking polls with a timeout
/// and cancellation, and delivery of records in place (as spans), as typed values, or as an async stream.</summary>
/// <remarks>
/// <para>Thread-safety: one thread consumes — <see cref="Poll(RecordHandler, TimeSpan, CancellationToken)"/>,
/// <see cref="Consume(RecordHandler)"/> and their overloads must not run concurrently (a second concurrent call throws
/// <see cref="InvalidOperationException"/>). Cancelling a poll's token and <see cref="Dispose"/> are safe from any thread: both
/// wake a blocked poll, and Dispose releases the mappings only once the poll in progress has returned.</para>
/// <para>The span path allocates nothing per record (nor per poll with an uncancellable token); the typed path neither. The
/// async streams copy every record into a new array or value and run each poll on the thread pool.</para>
/// </remarks>
public abstract class EventReader : IDisposable
{
    /// <summary>The epoll tag of the wake-up eventfd; rings are tagged with their index.</summary>
    const ulong WakeTag = ulong.MaxValue;

    readonly Epoll epoll;
    readonly EventFd wake;
    readonly ReaderLifetime lifetime;
    int polling;
    int disposed;

    private protected EventReader()
    {
        lifetime = new ReaderLifetime(this);
        epoll = new Epoll();
        try
        {
            wake = new EventFd();
            epoll.AddReadable(wake.Fd, WakeTag, "the reader's wake-up eventfd");
        }
        catch
        {
            epoll.Dispose();
            wake?.Dispose();
            throw;
        }
        lifetime.Acquire();
    }

    /// <summary>Waits until records are available in any ring, or <paramref name="timeout"/> passes, and hands every available
    /// record to <paramref name="handler"/> in order per ring, on the calling thread. Records already waiting are delivered
    /// without blocking; when the wait times out, the rings are read once more, so records whose producer asked for no
    /// wake-up (<c>BPF_RB_NO_WAKEUP</c>, or below a perf watermark) still arrive within one timeout.</summary>
    /// <param name="handler">Called once per record; the span is valid only during the call.</param>
    /// <param name="timeout">How long to wait for the first record; <see cref="TimeSpan.Zero"/> does not block,
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits until records arrive, the token is cancelled or the reader is disposed.</param>
    /// <param name="cancellationToken">Cancels a blocked wait from any thread.</param>
    /// <returns>The number of records delivered (discarded and lost records are not counted); 0 on timeout or when the reader
    /// was disposed during the wait.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before any record arrived.</exception>
    /// <exception cref="ObjectDisposedException">The reader was disposed before the call.</exception>
    /// <exception cref="InvalidOperationException">Another thread is polling this reader.</exception>
    /// <exception cref="BpfException"><c>epoll_wait</c> failed.</exception>
    public int Poll(RecordHandler handler, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var sink = new DelegateSink(handler);
        return PollCore(ref sink, timeout, cancellationToken);
    }

    /// <summary>Like <see cref="Poll(RecordHandler, TimeSpan, CancellationToken)"/>, delivering each record as a
    /// <typeparamref name="T"/> read from its first <c>sizeof(T)</c> bytes (<c>MemoryMarshal.Read</c>; bytes beyond are ignored).</summary>
    /// <typeparam name="T">The record's layout: an unmanaged struct matching the C struct the program writes.</typeparam>
    /// <param name="handler">Called once per record.</param>
    /// <param name="timeout">As for the span overload.</param>
    /// <param name="cancellationToken">Cancels a blocked wait from any thread.</param>
    /// <returns>The number of records delivered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A record is shorter than <typeparamref name="T"/>, or the timeout is invalid;
    /// records before it were delivered and are consumed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before any record arrived.</exception>
    /// <exception cref="ObjectDisposedException">The reader was disposed before the call.</exception>
    /// <exception cref="InvalidOperationException">Another thread is polling this reader.</exception>
    /// <exception cref="BpfException"><c>epoll_wait</c> failed.</exception>
    public int Poll<T>(Action<T> handler, TimeSpan timeout, CancellationToken cancellationToken = default) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(handler);
        var sink = new TypedSink<T>(handler);
        return PollCore(ref sink, timeout, cancellationToken);
    }

    /// <summary>Hands every record available now to <paramref name="handler"/> without waiting.</summary>
    /// <param name="handler">Called once per record; the span is valid only during the call.</param>
    /// <returns>The number of records delivered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is polling this reader.</exception>
    public int Consume(RecordHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var sink = new DelegateSink(handler);
        return PollCore(ref sink, TimeSpan.Zero, CancellationToken.None);
    }

    /// <summary>Hands every record available now to <paramref name="handler"/> as a <typeparamref name="T"/>, without waiting.</summary>
    /// <typeparam name="T">The record's layout.</typeparam>
    /// <param name="handler">Called once per record.</param>
    /// <returns>The number of records delivered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A record is shorter than <typeparamref name="T"/>.</exception>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is polling this reader.</exception>
    public int Consume<T>(Action<T> handler) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(handler);
        var sink = new TypedSink<T>(handler);
        return PollCore(ref sink, TimeSpan.Zero, CancellationToken.None);
    }

    /// <summary>Streams every record as a new array until <paramref name="cancellationToken"/> is cancelled or the reader is
    /// disposed (which ends the stream). A convenience: it allocates an array per record and polls on the thread pool; use
    /// <see cref="Poll(RecordHandler, TimeSpan, CancellationToken)"/> where allocation matters.</summary>
    /// <param name="cancellationToken">Ends the stream with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Another thread is polling this reader.</exception>
    /// <exception cref="BpfException"><c>epoll_wait</c> failed.</exception>
    public IAsyncEnumerable<byte[]> ReadAllAsync(CancellationToken cancellationToken = default) =>
        ReadBatchesAsync<byte[]>((batch, poll) => poll.Poll(record => batch.Add(record.ToArray()), Timeout.InfiniteTimeSpan, cancellationToken), cancellationToken);

    /// <summary>Streams every record as a <typeparamref name="T"/> until <paramref name="cancellationToken"/> is cancelled or the
    /// reader is disposed. A convenience that polls on the thread pool and buffers each batch in a list.</summary>
    /// <typeparam name="T">The record's layout.</typeparam>
    /// <param name="cancellationToken">Ends the stream with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A record is shorter than <typeparamref name="T"/>.</exception>
    /// <exception cref="InvalidOperationException">Another thread is polling this reader.</exception>
    /// <exception cref="BpfException"><c>epoll_wait</c> failed.</exception>
    public IAsyncEnumerable<T> ReadAllAsync<T>(CancellationToken cancellationToken = default) where T : unmanaged =>
        ReadBatchesAsync<T>((batch, poll) => poll.Poll<T>(batch.Add, Timeout.InfiniteTimeSpan, cancellationToken), cancellationToken);

    async IAsyncEnumerable<TItem> ReadBatchesAsync<TItem>(Func<List<TItem>, EventReader, int> pollInto, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<TItem>();
        while (Volatile.Read(ref disposed) == 0)
        {
            batch.Clear();
            try
            {
                await Task.Run(() => pollInto(batch, this), cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                yield break;
            }
            foreach (var item in batch) yield return item;
        }
    }

    /// <summary>Stops the reader: wakes a blocked poll (which returns 0), and unmaps and closes the rings once no poll uses them.
    /// Safe from any thread and more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        wake.Signal();
        lifetime.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Registers ring <paramref name="ringIndex"/>'s descriptor in the epoll.</summary>
    private protected void Watch(int fd, int ringIndex, string what) => epoll.AddReadable(fd, (ulong)ringIndex, what);

    /// <summary>Delivers the records available in one ring and hands their space back to the kernel.</summary>
    /// <returns>The number of records delivered.</returns>
    private protected abstract int Drain<TSink>(int ringIndex, ref TSink sink) where TSink : struct, IRecordSink;

    /// <summary>The number of rings registered with <see cref="Watch"/>.</summary>
    private protected abstract int WatchedRings { get; }

    /// <summary>Unmaps and closes the rings (also a partially constructed set).</summary>
    private protected abstract void ReleaseRings();

    /// <summary>Called once, when the reader is disposed and no poll runs.</summary>
    internal void ReleaseResources()
    {
        ReleaseRings();
        epoll.Dispose();
        wake.Dispose();
    }

    int PollCore<TSink>(ref TSink sink, TimeSpan timeout, CancellationToken cancellationToken) where TSink : struct, IRecordSink
    {
        int timeoutMilliseconds = ToMilliseconds(timeout);
        cancellationToken.ThrowIfCancellationRequested();
        bool added = false;
        lifetime.DangerousAddRef(ref added);
        if (Interlocked.Exchange(ref polling, 1) != 0)
        {
            lifetime.DangerousRelease();
            throw new InvalidOperationException("another thread is already polling this reader; readers have one consumer thread");
        }
        try
        {
            using var registration = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(static state => ((EventFd)state!).Signal(), wake)
                : default;
            int delivered = DrainAll(ref sink);
            if (delivered > 0 || timeoutMilliseconds == 0) return delivered;
            return WaitAndDrain(ref sink, timeoutMilliseconds, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref polling, 0);
            lifetime.DangerousRelease();
        }
    }

    int WaitAndDrain<TSink>(ref TSink sink, int timeoutMilliseconds, CancellationToken cancellationToken) where TSink : struct, IRecordSink
    {
        long deadline = timeoutMilliseconds < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMilliseconds;
        Span<ulong> readyTags = stackalloc ulong[Epoll.MaxEventsPerWait];
        int remaining = timeoutMilliseconds;
        while (true)
        {
            int ready = epoll.Wait(readyTags, remaining);
            int delivered = 0;
            bool woken = false;
            for (int i = 0; i < ready; i++)
            {
                if (readyTags[i] == WakeTag) woken = true;
                else delivered += Drain((int)readyTags[i], ref sink);
            }
            if (delivered > 0) return delivered;
            if (woken)
            {
                wake.Reset();
                if (Volatile.Read(ref disposed) != 0) return 0;
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (deadline != long.MaxValue)
            {
                remaining = (int)Math.Max(0, deadline - Environment.TickCount64);
                // Timed out: read every ring once more for records that came without a wake-up.
                if (remaining == 0) return DrainAll(ref sink);
            }
        }
    }

    int DrainAll<TSink>(ref TSink sink) where TSink : struct, IRecordSink
    {
        int delivered = 0;
        for (int ring = 0; ring < WatchedRings; ring++) delivered += Drain(ring, ref sink);
        return delivered;
    }

    static int ToMilliseconds(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan) return -1;
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds));
    }
}
