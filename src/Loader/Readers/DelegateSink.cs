namespace Sharp.Bpf;

/// <summary>Delivers records to a <see cref="RecordHandler"/> as spans.</summary>
internal readonly struct DelegateSink(RecordHandler handler) : IRecordSink
{
    public void Accept(ReadOnlySpan<byte> record) => handler(record);
}
