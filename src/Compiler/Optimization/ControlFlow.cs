using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Predecessors and orders of a function's blocks.</summary>
internal static class ControlFlow
{
    /// <summary>For each block, the blocks that can go to it (a block appears once per edge).</summary>
    public static List<int>[] Predecessors(IrFunction function)
    {
        var predecessors = new List<int>[function.Blocks.Count];
        for (int i = 0; i < predecessors.Length; i++) predecessors[i] = [];
        foreach (var block in function.Blocks)
            foreach (int successor in IrOperands.Successors(block.Terminator))
                predecessors[successor].Add(block.Id);
        return predecessors;
    }

    /// <summary>Reachable blocks in reverse postorder from block 0. A branch's false target is visited last, so it follows its
    /// block directly when nothing else claims that place (it becomes the fall-through).</summary>
    public static List<int> ReversePostorder(IrFunction function)
    {
        var visited = new bool[function.Blocks.Count];
        var postorder = new List<int>();
        var stack = new Stack<(int Block, IEnumerator<int> Successors)>();
        visited[0] = true;
        stack.Push((0, Successors(function.Blocks[0].Terminator).GetEnumerator()));
        while (stack.Count > 0)
        {
            var (block, successors) = stack.Peek();
            if (successors.MoveNext())
            {
                int next = successors.Current;
                if (visited[next]) continue;
                visited[next] = true;
                stack.Push((next, Successors(function.Blocks[next].Terminator).GetEnumerator()));
            }
            else
            {
                stack.Pop();
                postorder.Add(block);
            }
        }
        postorder.Reverse();
        return postorder;
    }

    static IEnumerable<int> Successors(Terminator terminator) => terminator switch
    {
        Jump j => [j.Target],
        Branch b => [b.True, b.False],
        _ => [],
    };
}
