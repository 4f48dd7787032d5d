using System.Runtime.CompilerServices;
using Sharp.Bpf.Flat.Kernel;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Kernel;

/// <summary>The bytes the probe's structs occupy: map keys compare by bytes and user space reads ring records by layout,
/// so every field sits where the probe's first (Pack = 1) layout put it, with no hidden padding.</summary>
public sealed class LayoutTests
{
    [Fact]
    public void Flow_key_is_40_bytes_with_its_fields_back_to_back()
    {
        var key = new FlowKey();
        Assert.Equal(40, Unsafe.SizeOf<FlowKey>());
        Assert.Equal([0, 16, 32, 34, 36, 37, 38], new[]
        {
            Offset(ref key, ref key.Source), Offset(ref key, ref key.Destination), Offset(ref key, ref key.SourcePort),
            Offset(ref key, ref key.DestinationPort), Offset(ref key, ref key.Protocol), Offset(ref key, ref key.Padding0),
            Offset(ref key, ref key.Padding1),
        });
    }

    [Fact]
    public void Flow_measurement_is_56_bytes_with_its_fields_back_to_back()
    {
        var measurement = new FlowMeasurement();
        Assert.Equal(56, Unsafe.SizeOf<FlowMeasurement>());
        Assert.Equal([0, 40, 48, 49, 50, 52], new[]
        {
            Offset(ref measurement, ref measurement.Flow), Offset(ref measurement, ref measurement.LatencyNs),
            Offset(ref measurement, ref measurement.Ttl), Offset(ref measurement, ref measurement.ReplyIngress),
            Offset(ref measurement, ref measurement.Padding0), Offset(ref measurement, ref measurement.Padding1),
        });
    }

    [Fact]
    public void Flow_filter_is_20_bytes_with_its_fields_back_to_back()
    {
        var filter = new FlowFilter();
        Assert.Equal(20, Unsafe.SizeOf<FlowFilter>());
        Assert.Equal([0, 16, 18, 19], new[]
        {
            Offset(ref filter, ref filter.Address), Offset(ref filter, ref filter.Port),
            Offset(ref filter, ref filter.MatchAddress), Offset(ref filter, ref filter.Padding0),
        });
    }

    static int Offset<TStruct, TField>(ref TStruct value, ref TField field) =>
        (int)Unsafe.ByteOffset(ref Unsafe.As<TStruct, byte>(ref value), ref Unsafe.As<TField, byte>(ref field));
}
