namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>Structs on the stack: copies that must not alias, nested structs.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarStructs
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
    [Tc]
    public static TcAction CopiesDoNotAlias(SkBuff skb)
    {
        var p = new Point { X = (int)skb.Mark, Y = (int)skb.Priority };
        var copy = p;
        copy.X++;
        copy.Y ^= 0x55;
        return (TcAction)((p.X ^ copy.X) + (p.Y ^ copy.Y) * 3 + p.X);
    }

    /// <summary>A nested struct built field by field, a member copied out, changed and measured.</summary>
    [Tc]
    public static TcAction NestedStruct(SkBuff skb)
    {
        short a = (short)skb.Mark;
        short b = (short)skb.Priority;
        var rectangle = new Rectangle { From = new Point { X = a, Y = b }, To = new Point { X = b, Y = a } };
        var corner = rectangle.To;
        corner.X += 1;
        int width = corner.X - rectangle.From.X;
        int height = corner.Y - rectangle.From.Y;
        return (TcAction)(width * height + rectangle.To.X);
    }
}
