using Sharp.Bpf.Interop;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>A refused BPF_MAP_CREATE says whether the kernel is too old for the map type: the kernel answers an unknown
/// type with the same EINVAL as a bad key size, so the running kernel's version against the type's first version decides.</summary>
public sealed class MapCreateFailureTests
{
    [Fact]
    public void Einval_from_a_kernel_older_than_the_map_type_names_the_type_and_its_first_kernel()
    {
        var error = MapErrors.CreateFailure(MapType.RingBuffer, Errno.EINVAL, new Version(5, 4, 0));

        var missing = Assert.IsType<BpfNotSupportedException>(error);
        Assert.Equal("RingBuffer maps", missing.Feature);
        Assert.Equal("5.8", missing.MinimumKernel);
        Assert.Contains("it needs Linux 5.8 or later", missing.Message);
    }

    [Fact]
    public void Einval_from_a_kernel_that_has_the_map_type_is_the_kernels_refusal()
    {
        var error = MapErrors.CreateFailure(MapType.RingBuffer, Errno.EINVAL, new Version(5, 8, 0));

        Assert.IsNotType<BpfNotSupportedException>(error);
        Assert.Equal(Errno.EINVAL, error.Errno);
    }

    [Fact]
    public void Other_errors_from_an_old_kernel_are_not_blamed_on_its_age()
    {
        var error = MapErrors.CreateFailure(MapType.RingBuffer, Errno.EPERM, new Version(5, 4, 0));

        Assert.IsNotType<BpfNotSupportedException>(error);
        Assert.Equal(Errno.EPERM, error.Errno);
    }

    [Fact]
    public void Every_map_type_Sharp_Bpf_names_has_a_first_kernel()
    {
        var unknown = Enum.GetValues<MapType>().Where(type => type != MapType.Unspecified && MapTypeSupport.MinimumKernel(type) is null);

        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData(MapType.Hash, "3.19")]
    [InlineData(MapType.LruHash, "4.10")]
    [InlineData(MapType.Queue, "4.20")]
    [InlineData(MapType.BloomFilter, "5.16")]
    [InlineData(MapType.Arena, "6.9")]
    public void First_kernels_follow_the_kernels_history(MapType type, string version) =>
        Assert.Equal(version, MapTypeSupport.MinimumKernel(type)!.ToString(2));
}
