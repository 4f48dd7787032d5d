using System.Buffers.Binary;
using Xunit;

namespace Sharp.Bpf.Tests.Readers;

/// <summary>Collects what a reader delivers and checks it against what <see cref="Testing.EventProducer"/> writes: the
/// sequence number at both ends of each record and zeros between.</summary>
internal sealed class ProducedRecords(int recordSize)
{
    public List<ulong> Sequences { get; } = [];

    public void Add(ReadOnlySpan<byte> record)
    {
        Assert.True(record.Length >= recordSize, $"record of {record.Length} bytes, expected {recordSize}");
        ulong sequence = BinaryPrimitives.ReadUInt64LittleEndian(record);
        Assert.Equal(sequence, BinaryPrimitives.ReadUInt64LittleEndian(record[(recordSize - 8)..]));
        Assert.True(record[8..(recordSize - 8)].IndexOfAnyExcept((byte)0) < 0, $"record {sequence} has non-zero bytes between its ends");
        Sequences.Add(sequence);
    }

    public static IEnumerable<ulong> Range(int start, int count) => Enumerable.Range(start, count).Select(i => (ulong)i);
}
