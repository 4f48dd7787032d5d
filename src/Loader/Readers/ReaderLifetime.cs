using System.Runtime.InteropServices;

namespace Sharp.Bpf;

/// <summary>Counts the polls using an <see cref="EventReader"/>'s mappings, so a Dispose from another thread unmaps them only
/// after the poll in progress has left them (SafeHandle reference counting does exactly this).</summary>
internal sealed class ReaderLifetime(EventReader owner) : SafeHandle(invalidHandleValue: 0, ownsHandle: true)
{
    /// <summary>Whether the reader's resources are already released (or were never acquired).</summary>
    public override bool IsInvalid => handle == 0;

    /// <summary>Marks the resources as held; called once the reader owns them.</summary>
    public void Acquire() => SetHandle(1);

    /// <summary>Runs when the last user is gone after Dispose: unmaps and closes everything the reader holds.</summary>
    protected override bool ReleaseHandle()
    {
        owner.ReleaseResources();
        return true;
    }
}
