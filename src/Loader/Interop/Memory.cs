using System.Runtime.InteropServices;
using Tmds.Linux;

namespace Sharp.Bpf.Interop;

/// <summary>The sibling of <see cref="Syscall"/> for memory: <c>mmap(2)</c> of bpf object descriptors and <c>munmap(2)</c>.
/// Everything in Sharp.Bpf that maps kernel memory goes through here.</summary>
internal static class Memory
{
    /// <summary>The system page size.</summary>
    public static readonly int PageSize = LibC.getpagesize();

    /// <summary>Maps <paramref name="length"/> bytes of <paramref name="fd"/> at <paramref name="offset"/>, shared with the kernel.</summary>
    /// <param name="fd">The descriptor to map.</param>
    /// <param name="length">Bytes to map; the kernel rounds up to whole pages.</param>
    /// <param name="writable">PROT_READ|PROT_WRITE when true, else PROT_READ.</param>
    /// <param name="offset">Offset into the object, a multiple of <see cref="PageSize"/>.</param>
    /// <param name="mapping">The owned mapping on success.</param>
    /// <param name="errno">The error number on failure, else 0.</param>
    public static unsafe bool TryMap(int fd, nuint length, bool writable, long offset, out MemoryMapping? mapping, out int errno)
    {
        int protection = writable ? LibC.PROT_READ | LibC.PROT_WRITE : LibC.PROT_READ;
        void* address = LibC.mmap(null, (size_t)(ulong)length, protection, LibC.MAP_SHARED, fd, offset);
        if (address == LibC.MAP_FAILED)
        {
            errno = Marshal.GetLastPInvokeError();
            mapping = null;
            return false;
        }
        errno = 0;
        mapping = new MemoryMapping((nint)address, length);
        return true;
    }

    /// <summary>Unmaps a region <see cref="TryMap"/> returned.</summary>
    public static unsafe void Unmap(nint address, nuint length) => LibC.munmap((void*)address, (size_t)(ulong)length);
}
