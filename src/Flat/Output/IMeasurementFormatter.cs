namespace Sharp.Bpf.Flat.Output;

/// <summary>Writes measurements to a text stream, one line each.</summary>
internal interface IMeasurementFormatter
{
    /// <summary>Writes one line for <paramref name="measurement"/>.</summary>
    void Write(TextWriter output, Measurement measurement);
}
