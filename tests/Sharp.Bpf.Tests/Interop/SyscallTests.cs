using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Interop;

/// <summary>The syscall choke point reports the kernel's errno and turns failures into <see cref="BpfException"/>.</summary>
public sealed class SyscallTests
{
    [Fact]
    public void Failed_call_reports_the_kernels_errno()
    {
        Privileged.RequireRoot();
        var attr = new MapElementAttr { MapFd = unchecked((uint)-1) };
        bool succeeded = Syscall.TryBpf(BpfCommand.MapLookupElement, ref attr, out int result, out int errno);
        Assert.False(succeeded);
        Assert.Equal(-1, result);
        Assert.Equal(Errno.EBADF, errno);
    }

    [Fact]
    public void Throwing_form_names_the_operation_and_the_error()
    {
        Privileged.RequireRoot();
        var attr = new MapElementAttr { MapFd = unchecked((uint)-1) };
        var error = Assert.Throws<BpfException>(() => Syscall.Bpf(BpfCommand.MapLookupElement, ref attr));
        Assert.Equal("BPF_MAP_LOOKUP_ELEM", error.Operation);
        Assert.Equal(Errno.EBADF, error.Errno);
        Assert.StartsWith("BPF_MAP_LOOKUP_ELEM failed: EBADF (Bad file descriptor)", error.Message);
    }
}
