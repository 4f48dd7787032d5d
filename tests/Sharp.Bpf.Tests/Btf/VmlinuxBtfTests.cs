using Sharp.Bpf.Btf;
using Xunit;

namespace Sharp.Bpf.Tests.Btf;

/// <summary>The running kernel's own BTF parses, including the attribute tags (kind_flag on TYPE_TAG/DECL_TAG) of Linux 6.14+.</summary>
public sealed class VmlinuxBtfTests
{
    [Fact]
    public void The_running_kernels_btf_parses_and_writes_back_byte_for_byte()
    {
        Assert.SkipUnless(File.Exists(KernelBtf.VmlinuxPath), $"{KernelBtf.VmlinuxPath} is missing: the kernel has no CONFIG_DEBUG_INFO_BTF");
        var raw = File.ReadAllBytes(KernelBtf.VmlinuxPath);

        var spec = BtfSpec.Parse(raw);

        Assert.True(spec.TryFindType("task_struct", BtfKind.Struct, out _));
        Assert.Equal(raw, spec.ToBytes());
    }

    [Fact]
    public void An_attribute_type_tag_keeps_its_kind_flag()
    {
        var builder = new BtfBuilder();
        uint integer = builder.Add(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
        builder.Add(new BtfTypeTag("aligned(8)", integer, IsAttribute: true));

        var parsed = BtfSpec.Parse(builder.Build());

        Assert.Equal(new BtfTypeTag("aligned(8)", integer, IsAttribute: true), parsed[2]);
    }
}
