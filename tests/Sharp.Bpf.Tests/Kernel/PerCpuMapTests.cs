using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Per-CPU maps keep one value per CPU and show kernel code the value of the runtime's current CPU.</summary>
public sealed class PerCpuMapTests
{
    readonly BpfRuntime _runtime = new() { CpuCount = 4 };

    [Fact]
    public void Array_values_are_separate_per_cpu()
    {
        var map = new PerCpuArrayMap<ulong>(maxEntries: 1);
        using (BpfRuntime.Use(_runtime))
        {
            _runtime.Cpu = 1;
            map.Lookup(0).Value += 3;
            _runtime.Cpu = 2;
            map.Lookup(0).Value += 4;
        }
        Assert.Equal(3UL, map.ValueOnCpu(0, 1));
        Assert.Equal(4UL, map.ValueOnCpu(0, 2));
        Assert.Equal(0UL, map.ValueOnCpu(0, 0));
    }

    [Fact]
    public void Hash_insert_leaves_other_cpus_at_zero()
    {
        var map = new PerCpuHashMap<uint, ulong>(maxEntries: 8);
        using (BpfRuntime.Use(_runtime))
        {
            _runtime.Cpu = 3;
            map.Update(7, 70);
        }
        Assert.True(map.TryGetValueOnCpu(7, 3, out var mine));
        Assert.True(map.TryGetValueOnCpu(7, 0, out var other));
        Assert.Equal((70UL, 0UL), (mine, other));
    }

    [Fact]
    public void Hash_lookup_sees_the_current_cpus_value()
    {
        var map = new PerCpuHashMap<uint, ulong>(maxEntries: 8);
        using var scope = BpfRuntime.Use(_runtime);
        _runtime.Cpu = 1;
        map.Update(7, 10);
        _runtime.Cpu = 0;
        Assert.Equal(0UL, map.Lookup(7).Value);
    }

    [Fact]
    public void Current_cpu_must_exist() => Assert.Throws<ArgumentOutOfRangeException>(() => _runtime.Cpu = 4);
}
