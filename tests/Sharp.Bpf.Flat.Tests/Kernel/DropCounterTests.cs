using Sharp.Bpf.Flat.Kernel;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Kernel;

/// <summary>Measurements that do not fit in the ring buffer are counted per CPU in <see cref="FlatProbe.Drops"/>.</summary>
[Collection(ProbeFixture.Name)]
public sealed class DropCounterTests : ProbeFixture
{
    /// <summary>Submits records until the ring buffer is full, as a reader that has fallen behind leaves it.</summary>
    static void FillRingBuffer()
    {
        while (true)
        {
            var reservation = FlatProbe.Measurements.Reserve();
            if (reservation.IsNull) return;
            reservation.Submit();
        }
    }

    [Fact]
    public void Full_ring_buffer_increments_the_drop_counter()
    {
        FillRingBuffer();
        Handshake("10.0.0.1", "10.0.0.2", 40000, 443);
        Assert.Equal(1UL, FlatProbe.Drops.ValueOnCpu(0, Runtime.Cpu));
    }

    [Fact]
    public void Drops_are_counted_on_the_cpu_that_lost_them()
    {
        FillRingBuffer();
        Runtime.Cpu = 1;
        Handshake("10.0.0.1", "10.0.0.2", 40000, 443);
        Handshake("10.0.0.1", "10.0.0.2", 40001, 443);
        Assert.Equal((0UL, 2UL), (FlatProbe.Drops.ValueOnCpu(0, 0), FlatProbe.Drops.ValueOnCpu(0, 1)));
    }

    [Fact]
    public void Dropped_measurement_does_not_stay_pending()
    {
        FillRingBuffer();
        Handshake("10.0.0.1", "10.0.0.2", 40000, 443);
        Assert.Equal(0, FlatProbe.Pending.Count);
    }

    [Fact]
    public void Ring_buffer_with_room_counts_no_drops()
    {
        Handshake("10.0.0.1", "10.0.0.2", 40000, 443);
        Assert.Equal(0UL, FlatProbe.Drops.ValueOnCpu(0, Runtime.Cpu));
    }
}
