namespace Sharp.Bpf;

/// <summary>Where a reader's drain loop delivers records. Implemented by structs so the loop is compiled once per sink and
/// the delivery inlines, with no delegate or boxing in between.</summary>
internal interface IRecordSink
{
    /// <summary>Takes one record; the span is valid only during the call.</summary>
    void Accept(ReadOnlySpan<byte> record);
}
