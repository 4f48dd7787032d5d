namespace Sharp.Bpf.Compiler.Tests.Programs.Structs;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Structs on the stack: copies that must not alias, and nested structs.</summary>
[BpfObject(License = "GPL")]
public static partial class StructPrograms
{
    /// <summary>A point of two ints.</summary>
    public struct Point
    {
        /// <summary>Horizontal.</summary>
        public int X;
        /// <summary>Vertical.</summary>
        public int Y;
    }

    /// <summary>A rectangle of two points: a nested struct.</summary>
    public struct Rectangle
    {
        /// <summary>One corner.</summary>
        public Point From;
        /// <summary>The opposite corner.</summary>
        public Point To;
    }

    /// <summary>A copy of a struct is independent of the original.</summary>
    [Xdp]
    public static XdpAction CopiesDoNotAlias(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        var copy = p;
        copy.A++;
        copy.B ^= 0x55;
        return (XdpAction)((p.A ^ copy.A) + (p.B ^ copy.B));
    }

    /// <summary>A nested struct built field by field, copied, and measured.</summary>
    [Xdp]
    public static XdpAction NestedStruct(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out ShortPair p)) return XdpAction.Aborted;
        var rectangle = new Rectangle { From = new Point { X = p.A, Y = p.B }, To = new Point { X = p.B, Y = p.A } };
        var corner = rectangle.To;
        corner.X += 1;
        int width = corner.X - rectangle.From.X;
        int height = corner.Y - rectangle.From.Y;
        return (XdpAction)(width * height);
    }
}
