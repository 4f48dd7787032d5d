using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Queues pop the oldest value, stacks the newest; both refuse pushes when full unless told to drop the oldest.</summary>
public sealed class QueueStackTests
{
    [Fact]
    public void Queue_pops_in_push_order()
    {
        var queue = new QueueMap<int>(maxEntries: 4);
        queue.Push(1);
        queue.Push(2);
        Assert.True(queue.TryPop(out var first));
        Assert.Equal(1, first);
    }

    [Fact]
    public void Stack_pops_the_last_push()
    {
        var stack = new StackMap<int>(maxEntries: 4);
        stack.Push(1);
        stack.Push(2);
        Assert.True(stack.TryPop(out var top));
        Assert.Equal(2, top);
    }

    [Fact]
    public void Full_queue_refuses_a_push()
    {
        var queue = new QueueMap<int>(maxEntries: 1);
        queue.Push(1);
        Assert.Equal(-7, queue.Push(2));
    }

    [Fact]
    public void Exist_push_drops_the_oldest()
    {
        var queue = new QueueMap<int>(maxEntries: 2);
        queue.Push(1);
        queue.Push(2);
        Assert.Equal(0, queue.Push(3, UpdateFlags.Exist));
        Assert.True(queue.TryPeek(out var oldest));
        Assert.Equal(2, oldest);
    }

    [Fact]
    public void Pop_of_an_empty_stack_is_false() => Assert.False(new StackMap<int>(maxEntries: 1).TryPop(out _));
}
