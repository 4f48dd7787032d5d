using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Queues pop in push order, stacks in reverse; peeking leaves the value in place.</summary>
public sealed class QueueAndStackTests
{
    [Fact]
    public void Queue_pops_values_in_the_order_they_were_pushed()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Queue, 0, 8, 4));
        var queue = new QueueMap<ulong>(map);
        foreach (ulong value in new ulong[] { 1, 2, 3 }) queue.Push(value);
        Assert.Equal([1ul, 2ul, 3ul], Drain(queue));
    }

    [Fact]
    public void Stack_pops_the_last_pushed_value_first()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Stack, 0, 8, 4));
        var stack = new StackMap<ulong>(map);
        foreach (ulong value in new ulong[] { 1, 2, 3 }) stack.Push(value);
        Assert.Equal([3ul, 2ul, 1ul], Drain(stack));
    }

    [Fact]
    public void Peek_reads_without_removing()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Queue, 0, 4, 4));
        var queue = new QueueMap<int>(map);
        queue.Push(42);
        Assert.True(queue.TryPeek(out int peeked));
        Assert.Equal(42, peeked);
        Assert.True(queue.TryPop(out int popped));
        Assert.Equal(42, popped);
    }

    [Fact]
    public void Empty_queue_is_an_expected_miss()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Queue, 0, 4, 4));
        var queue = new QueueMap<int>(map);
        Assert.False(queue.TryPop(out _));
        Assert.False(queue.TryPeek(out _));
    }

    [Fact]
    public void Pushing_with_Exist_onto_a_full_queue_drops_the_oldest()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Queue, 0, 8, 2));
        var queue = new QueueMap<ulong>(map);
        queue.Push(1);
        queue.Push(2);
        queue.Push(3, MapUpdateFlags.Exist);
        Assert.Equal([2ul, 3ul], Drain(queue));
    }

    static List<ulong> Drain(PushPopMap<ulong> map)
    {
        var values = new List<ulong>();
        while (map.TryPop(out ulong value)) values.Add(value);
        return values;
    }
}
