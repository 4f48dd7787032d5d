using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Per-CPU maps hold one value per possible CPU, which the typed views pack at the kernel's 8-byte stride.</summary>
public sealed class PerCpuMapTests
{
    static uint[] Distinct(int count) => Enumerable.Range(0, count).Select(cpu => 0xA0000000u + (uint)cpu).ToArray();

    [Fact]
    public void Per_cpu_hash_keeps_a_value_for_every_possible_cpu()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.PerCpuHash, 4, 4, 4));
        var perCpu = new PerCpuHashMap<uint, uint>(map);
        var values = Distinct(perCpu.CpuCount);
        perCpu.Update(1, values);
        Assert.Equal(values, perCpu.Lookup(1));
    }

    [Fact]
    public void Per_cpu_array_keeps_a_value_for_every_possible_cpu()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.PerCpuArray, 4, 4, 2));
        var perCpu = new PerCpuArrayMap<uint>(map);
        var values = Distinct(perCpu.CpuCount);
        perCpu.Update(1, values);
        Assert.Equal(values, perCpu.Lookup(1));
        Assert.Equal(new uint[perCpu.CpuCount], perCpu.Lookup(0));
    }

    [Fact]
    public void Lru_per_cpu_hash_keeps_a_value_for_every_possible_cpu()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.LruPerCpuHash, 4, 8, 8));
        var perCpu = new LruPerCpuHashMap<uint, ulong>(map);
        var values = Enumerable.Range(0, perCpu.CpuCount).Select(cpu => (ulong)cpu << 33).ToArray();
        perCpu.Update(2, values);
        Assert.Equal(values, perCpu.Lookup(2));
    }

    [Fact]
    public void Cpu_count_is_the_number_of_possible_cpus()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.PerCpuArray, 4, 4, 1));
        var expected = PossibleCpus.Count(File.ReadAllText("/sys/devices/system/cpu/possible"));
        Assert.Equal(expected, new PerCpuArrayMap<uint>(map).CpuCount);
    }

    [Fact]
    public void Raw_value_buffer_is_the_value_rounded_to_8_bytes_per_cpu()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.PerCpuArray, 4, 12, 1));
        Assert.Equal(16 * PossibleCpus.Value, map.ValueBufferSize);
    }

    [Fact]
    public void Missing_key_is_an_expected_miss()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.PerCpuHash, 4, 4, 4));
        var perCpu = new PerCpuHashMap<uint, uint>(map);
        Assert.False(perCpu.TryLookup(9, new uint[perCpu.CpuCount]));
    }

    [Fact]
    public void Values_for_fewer_cpus_than_possible_are_refused()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.PerCpuHash, 4, 4, 4));
        var perCpu = new PerCpuHashMap<uint, uint>(map);
        var error = Assert.Throws<ArgumentException>(() => perCpu.Update(1, new uint[perCpu.CpuCount + 1]));
        Assert.Contains("one value per possible CPU", error.Message);
    }
}
