using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Packets holding a <typeparamref name="T"/> of integer fields at <see cref="PacketLayout.InputOffset"/>: first
/// every pair of corner values of the first two fields crossed, then each boundary value of each field, then packets
/// cut short of the struct (the program's bounds-check path), then pseudo-random fields — each a boundary value, a
/// small number or random bits.</summary>
public sealed class StructInputs<T> : InputSource where T : unmanaged
{
    readonly (string Name, int Offset, IntegerKind Kind)[] _fields;
    readonly IReadOnlyList<ulong>[] _boundaries;

    readonly bool _cutShort;

    /// <summary>Reads <typeparamref name="T"/>'s fields (in declaration order, at their marshalled offsets).</summary>
    /// <param name="cutShort">Also generate packets shorter than <typeparamref name="T"/> (for programs that read it from
    /// the packet; not for those that get it from the context).</param>
    public StructInputs(bool cutShort = true)
    {
        _cutShort = cutShort;
        if (Unsafe.SizeOf<T>() > PacketLayout.OutputOffset)
            throw new ArgumentException($"{typeof(T).Name} is {Unsafe.SizeOf<T>()} bytes; inputs must fit before PacketLayout.OutputOffset");
        _fields = typeof(T).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(f => (f.Name, (int)Marshal.OffsetOf<T>(f.Name), IntegerKind.Of(f.FieldType)))
            .OrderBy(f => f.Item2)
            .ToArray();
        if (_fields.Length == 0) throw new ArgumentException($"{typeof(T).Name} has no fields");
        _boundaries = _fields.Select(f => BoundaryValues.Of(f.Kind)).ToArray();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<byte[]> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var packets = new List<byte[]>(count);
        var first = BoundaryValues.Corners(_fields[0].Kind);
        var second = _fields.Length > 1 ? BoundaryValues.Corners(_fields[1].Kind) : [0UL];
        foreach (var a in first)
            foreach (var b in second)
            {
                var values = RandomValues(random);
                values[0] = a;
                if (_fields.Length > 1) values[1] = b;
                packets.Add(Packet(values));
            }
        for (int field = 0; field < _fields.Length; field++)
            foreach (var boundary in BoundaryValues.Of(_fields[field].Kind))
            {
                var values = RandomValues(random);
                values[field] = boundary;
                packets.Add(Packet(values));
            }
        for (int length = MinimumPacketLength; _cutShort && length < Unsafe.SizeOf<T>(); length++)
            packets.Add(Packet(RandomValues(random))[..length]);
        while (packets.Count < count)
            packets.Add(Packet(RandomValues(random)));
        return packets;
    }

    /// <inheritdoc/>
    public override string Describe(byte[] packet)
    {
        var text = new StringBuilder(typeof(T).Name).Append(" {");
        foreach (var (name, offset, kind) in _fields)
        {
            int size = kind.Bits / 8;
            text.Append(' ').Append(name).Append(" = ")
                .Append(offset + size <= packet.Length ? kind.Format(Read(packet, offset, size)) : "(cut off)");
        }
        return text.Append(" } in ").Append(base.Describe(packet)).ToString();
    }

    ulong[] RandomValues(Random random)
    {
        var values = new ulong[_fields.Length];
        for (int i = 0; i < values.Length; i++)
        {
            var kind = _fields[i].Kind;
            values[i] = random.Next(5) switch
            {
                0 or 1 => _boundaries[i][random.Next(_boundaries[i].Count)],
                2 => (ulong)random.NextInt64(kind.Signed ? -70 : 0, 71) & kind.Mask,
                _ => (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1),
            } & kind.Mask;
        }
        return values;
    }

    byte[] Packet(ulong[] values)
    {
        var packet = new byte[PacketLayout.Length];
        for (int i = 0; i < _fields.Length; i++)
        {
            var (_, offset, kind) = _fields[i];
            for (int b = 0; b < kind.Bits / 8; b++)
                packet[PacketLayout.InputOffset + offset + b] = (byte)(values[i] >> (8 * b));
        }
        return packet;
    }

    static ulong Read(byte[] packet, int offset, int size)
    {
        ulong value = 0;
        for (int b = 0; b < size; b++) value |= (ulong)packet[offset + b] << (8 * b);
        return value;
    }
}
