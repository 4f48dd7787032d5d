using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Tmds.Linux;

namespace Sharp.Bpf.Links;

/// <summary>The network namespace a netlink attachment was made in, kept open so it can be detached from there even when
/// the disposing thread lives in another namespace (a netlink socket always talks to its creator's namespace).</summary>
internal sealed class NetworkNamespace : IDisposable
{
    const string CurrentPath = "/proc/thread-self/ns/net";
    const int CloneNewNet = 0x40000000;

    readonly SafeFileHandle handle;

    NetworkNamespace(SafeFileHandle handle, string identity)
    {
        this.handle = handle;
        Identity = identity;
    }

    /// <summary>"net:[4026531840]": the namespace's inode, which identifies it.</summary>
    public string Identity { get; }

    /// <summary>The calling thread's network namespace.</summary>
    public static NetworkNamespace Current() => new(File.OpenHandle(CurrentPath), CurrentIdentity());

    /// <summary>Runs <paramref name="action"/> in this namespace: on the calling thread when it is already there, else on a
    /// short-lived thread that enters it first.</summary>
    public void Run(Action action)
    {
        if (CurrentIdentity() == Identity)
        {
            action();
            return;
        }
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                if (LibC.setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                    throw new IOException($"setns into network namespace {Identity} failed: errno {Marshal.GetLastPInvokeError()}");
                action();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
    }

    /// <inheritdoc/>
    public void Dispose() => handle.Dispose();

    static string CurrentIdentity() => new FileInfo(CurrentPath).LinkTarget ?? "";
}
