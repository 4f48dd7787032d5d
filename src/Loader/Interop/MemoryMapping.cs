using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>Owns a region returned by <c>mmap(2)</c> and unmaps it once.</summary>
internal sealed class MemoryMapping : SafeHandle
{
    /// <summary>Takes ownership of <paramref name="length"/> bytes mapped at <paramref name="address"/>.</summary>
    public MemoryMapping(nint address, nuint length) : base(invalidHandleValue: 0, ownsHandle: true)
    {
        SetHandle(address);
        Length = length;
    }

    /// <summary>The mapped length in bytes (whole pages).</summary>
    public nuint Length { get; }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        Memory.Unmap(handle, Length);
        return true;
    }
}
