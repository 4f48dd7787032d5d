namespace Sharp.Bpf.Btf;

/// <summary>Checks what only the whole type list can show: every referenced id exists, decl tags name a real
/// member or parameter, and no type contains itself by value (so resolving, sizing and printing terminate).</summary>
static class BtfReferenceCheck
{
    public static void Verify(IReadOnlyList<BtfType> types)
    {
        uint count = (uint)types.Count - 1;
        for (uint id = 1; id <= count; id++)
        {
            foreach (var (target, _) in BtfReferences.Of(types[(int)id]))
                if (target > count)
                    throw new BtfFormatException($"BTF type [{id}] {BtfRawFormatter.KindName(types[(int)id].Kind)} refers to type [{target}], but there are only {count} types");
            if (types[(int)id] is BtfDeclTag tag) VerifyComponent(types, id, tag);
        }
        VerifyNoValueCycles(types);
    }

    static void VerifyComponent(IReadOnlyList<BtfType> types, uint id, BtfDeclTag tag)
    {
        if (tag.ComponentIndex == -1) return;
        int components = types[(int)tag.TypeId] switch
        {
            BtfComposite composite => composite.Members.Count,
            BtfFunction function when types[(int)function.ProtoTypeId] is BtfFunctionProto proto => proto.Parameters.Count,
            _ => 0,
        };
        if (tag.ComponentIndex >= components)
            throw new BtfFormatException($"BTF type [{id}] DECL_TAG component index {tag.ComponentIndex} is out of range for type [{tag.TypeId}] with {components} members or parameters");
    }

    static void VerifyNoValueCycles(IReadOnlyList<BtfType> types)
    {
        // Iterative depth-first search: 0 = unvisited, 1 = on the current path, 2 = done.
        var state = new byte[types.Count];
        var stack = new Stack<(int Id, IEnumerator<(uint TypeId, bool ByValue)> Next)>();
        for (int root = 1; root < types.Count; root++)
        {
            if (state[root] != 0) continue;
            state[root] = 1;
            stack.Push((root, BtfReferences.Of(types[root]).GetEnumerator()));
            while (stack.Count > 0)
            {
                var (id, next) = stack.Peek();
                if (!next.MoveNext())
                {
                    state[id] = 2;
                    stack.Pop();
                    continue;
                }
                var (target, byValue) = next.Current;
                if (!byValue || target == 0) continue;
                if (state[target] == 1)
                    throw new BtfFormatException($"BTF type [{target}] {BtfRawFormatter.KindName(types[(int)target].Kind)} contains itself by value (through type [{id}]); only pointers may close a cycle");
                if (state[target] == 0)
                {
                    state[target] = 1;
                    stack.Push(((int)target, BtfReferences.Of(types[(int)target]).GetEnumerator()));
                }
            }
        }
    }
}
