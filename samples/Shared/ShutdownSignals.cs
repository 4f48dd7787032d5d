using System.Runtime.InteropServices;

namespace Sharp.Bpf.Samples;

/// <summary>Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation, so a sample detaches, prints what it has and
/// exits 0; a second Ctrl+C gets the default handling, which ends the process at once (the kernel then closes the links).</summary>
internal sealed class ShutdownSignals : IDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly PosixSignalRegistration _interrupt;
    readonly PosixSignalRegistration _terminate;
    int _interrupts;

    public ShutdownSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    void OnInterrupt(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _interrupts) > 1) return;
        Stop(context);
    }

    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }
}
