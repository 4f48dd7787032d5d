using System.Text.Json;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Tests.Links;

/// <summary>What is attached right now, seen from outside Sharp.Bpf: bpftool's link list and this process's descriptors.</summary>
internal static class KernelAttachments
{
    /// <summary>The ids of the kernel links that hold program <paramref name="programId"/> (<c>bpftool link list</c>).</summary>
    public static IReadOnlyList<uint> LinksOf(uint programId)
    {
        using var links = JsonDocument.Parse(BpftoolListing.Links());
        return links.RootElement.EnumerateArray()
            .Where(link => link.TryGetProperty("prog_id", out var id) && id.GetUInt32() == programId)
            .Select(link => link.GetProperty("id").GetUInt32())
            .ToList();
    }

    /// <summary>How many perf event descriptors this process holds open.</summary>
    public static int OpenPerfEvents() => KernelDescriptors.Count("anon_inode:[perf_event]");
}
