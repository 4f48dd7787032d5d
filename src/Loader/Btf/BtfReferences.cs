namespace Sharp.Bpf.Btf;

/// <summary>The type ids a type refers to, and whether it contains each one by value (all but pointer targets),
/// which is what decides whether a reference cycle is legal.</summary>
static class BtfReferences
{
    public static IEnumerable<(uint TypeId, bool ByValue)> Of(BtfType type)
    {
        switch (type)
        {
            case BtfPointer pointer:
                yield return (pointer.TypeId, false);
                break;
            case BtfArray array:
                yield return (array.ElementTypeId, true);
                yield return (array.IndexTypeId, true);
                break;
            case BtfComposite composite:
                foreach (var member in composite.Members) yield return (member.TypeId, true);
                break;
            case BtfTypedef typedef:
                yield return (typedef.TypeId, true);
                break;
            case BtfConst qualified:
                yield return (qualified.TypeId, true);
                break;
            case BtfVolatile qualified:
                yield return (qualified.TypeId, true);
                break;
            case BtfRestrict qualified:
                yield return (qualified.TypeId, true);
                break;
            case BtfTypeTag tag:
                yield return (tag.TypeId, true);
                break;
            case BtfFunction function:
                yield return (function.ProtoTypeId, true);
                break;
            case BtfFunctionProto proto:
                yield return (proto.ReturnTypeId, true);
                foreach (var parameter in proto.Parameters) yield return (parameter.TypeId, true);
                break;
            case BtfVariable variable:
                yield return (variable.TypeId, true);
                break;
            case BtfDataSection section:
                foreach (var variable in section.Variables) yield return (variable.TypeId, true);
                break;
            case BtfDeclTag tag:
                yield return (tag.TypeId, false);
                break;
        }
    }
}
