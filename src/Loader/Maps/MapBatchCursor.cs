namespace Sharp.Bpf;

/// <summary>Where a batch lookup over a map continues. Start with a new cursor; pass the same one to each call of
/// <see cref="Map.LookupBatch"/> or <see cref="Map.LookupAndDeleteBatch"/> until <see cref="IsComplete"/>.</summary>
public sealed class MapBatchCursor
{
    /// <summary>The kernel's position token: the first half is read (<c>in_batch</c>), the second written (<c>out_batch</c>).</summary>
    internal byte[]? Token { get; set; }

    /// <summary>Whether a call has run, so the kernel should continue from <see cref="Token"/> rather than from the start.</summary>
    internal bool Started { get; set; }

    /// <summary>Whether the last call reached the end of the map.</summary>
    public bool IsComplete { get; internal set; }
}
