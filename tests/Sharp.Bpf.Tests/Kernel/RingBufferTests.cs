using System.Runtime.InteropServices;
using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Managed ring buffers account space and order records as the kernel's do.</summary>
public sealed class RingBufferTests
{
    [StructLayout(LayoutKind.Sequential)]
    struct Event
    {
        public ulong A;
        public ulong B;
        public ulong C;
    }

    // 4096 bytes hold 128 records of 8 header + 24 data bytes.
    readonly RingBuffer<Event> _ring = new(sizeBytes: 4096);

    [Fact]
    public void Output_records_are_read_in_order()
    {
        _ring.TryOutput(new Event { A = 1 });
        _ring.TryOutput(new Event { A = 2 });
        Assert.Equal([1UL, 2UL], _ring.Drain().Select(e => e.A));
    }

    [Fact]
    public void Full_ring_refuses_output()
    {
        for (var i = 0; i < 128; i++) Assert.True(_ring.TryOutput(new Event()));
        Assert.False(_ring.TryOutput(new Event()));
        Assert.Equal(4096, _ring.UsedBytes);
    }

    [Fact]
    public void Reading_frees_space()
    {
        for (var i = 0; i < 128; i++) _ring.TryOutput(new Event());
        Assert.True(_ring.TryRead(out _));
        Assert.True(_ring.TryOutput(new Event()));
    }

    [Fact]
    public void Reserved_record_is_filled_in_place_and_submitted()
    {
        var reservation = _ring.Reserve();
        Assert.False(reservation.IsNull);
        reservation.Value.B = 42;
        Assert.Equal(0, _ring.Count);
        reservation.Submit();
        Assert.Equal(42UL, Assert.Single(_ring.Drain()).B);
    }

    [Fact]
    public void Discarded_record_is_skipped_but_held_its_space_until_read()
    {
        _ring.Reserve().Discard();
        Assert.Equal(32, _ring.UsedBytes);
        Assert.Empty(_ring.Drain());
        Assert.Equal(0, _ring.UsedBytes);
    }

    [Fact]
    public void Pending_reservation_holds_back_later_records()
    {
        var first = _ring.Reserve();
        _ring.TryOutput(new Event { A = 2 });
        Assert.False(_ring.TryRead(out _));
        Assert.Equal(1, _ring.OutstandingReservations);
        first.Value = new Event { A = 1 };
        first.Submit();
        Assert.Equal([1UL, 2UL], _ring.Drain().Select(e => e.A));
    }

    [Fact]
    public void Reservation_memory_is_not_zeroed()
    {
        var reservation = _ring.Reserve();
        Assert.Equal(0xAAAA_AAAA_AAAA_AAAAUL, reservation.Value.C);
        reservation.Discard();
    }

    [Fact]
    public void Reserve_on_a_full_ring_is_null()
    {
        for (var i = 0; i < 128; i++) _ring.TryOutput(new Event());
        Assert.True(_ring.Reserve().IsNull);
    }

    [Fact]
    public void Second_release_throws()
    {
        var reservation = _ring.Reserve();
        reservation.Submit();
        var threw = false;
        try { reservation.Discard(); } catch (InvalidOperationException) { threw = true; }
        Assert.True(threw);
    }

    [Fact]
    public void Size_must_be_a_power_of_two_page_multiple() => Assert.Throws<ArgumentException>(() => new RingBuffer<Event>(5000));
}
