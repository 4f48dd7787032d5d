namespace Sharp.Bpf.Tests.Readers;

/// <summary>The first field of every record <see cref="Testing.EventProducer"/> writes.</summary>
internal readonly record struct SequencedRecord(ulong Sequence);
