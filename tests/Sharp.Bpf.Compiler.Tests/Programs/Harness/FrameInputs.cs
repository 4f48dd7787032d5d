using System.Buffers.Binary;

namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Ethernet frames for the parsing programs: IPv4 (with and without options, fragments), IPv6, VLAN-tagged,
/// ARP and unknown EtherTypes; TCP, UDP, ICMP and unknown transports; well-known and random ports — and a share of them
/// cut short at every layer, so each bounds check's failure path runs too.</summary>
public sealed class FrameInputs : InputSource
{
    static readonly ushort[] Ports = [0, 53, 80, 443, 8080, 65535];

    /// <inheritdoc/>
    public override IReadOnlyList<byte[]> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var frames = new List<byte[]>(count);
        while (frames.Count < count)
        {
            var frame = Frame(random);
            if (random.Next(6) == 0 && frame.Length > MinimumPacketLength)
                frame = frame[..random.Next(MinimumPacketLength, frame.Length)];
            frames.Add(frame);
        }
        return frames;
    }

    static byte[] Frame(Random random)
    {
        var frame = new List<byte>();
        frame.AddRange(RandomBytes(random, 12));
        int choice = random.Next(20);
        if (choice < 2)
        {
            AddUInt16(frame, 0x8100);
            AddUInt16(frame, (ushort)random.Next(0x10000));
            choice = 2 + random.Next(14);
        }
        if (choice < 10)
        {
            AddUInt16(frame, 0x0800);
            AddIpv4(frame, random);
        }
        else if (choice < 16)
        {
            AddUInt16(frame, 0x86DD);
            AddIpv6(frame, random);
        }
        else if (choice < 17)
        {
            AddUInt16(frame, 0x0806);
            frame.AddRange(RandomBytes(random, 28));
        }
        else
        {
            AddUInt16(frame, (ushort)random.Next(0x10000));
            frame.AddRange(RandomBytes(random, random.Next(0, 60)));
        }
        return frame.ToArray();
    }

    static void AddIpv4(List<byte> frame, Random random)
    {
        int ihl = random.Next(4) == 0 ? random.Next(16) : 5;
        byte protocol = Transport(random);
        frame.Add((byte)((random.Next(8) == 0 ? random.Next(16) : 4) << 4 | ihl));
        frame.Add((byte)random.Next(256));
        AddUInt16(frame, (ushort)random.Next(0x10000));
        AddUInt16(frame, (ushort)random.Next(0x10000));
        AddUInt16(frame, (ushort)(random.Next(3) == 0 ? random.Next(0x10000) : 0x4000));
        frame.Add((byte)random.Next(256));
        frame.Add(protocol);
        frame.AddRange(RandomBytes(random, 10));
        if (ihl > 5) frame.AddRange(RandomBytes(random, (ihl - 5) * 4));
        AddTransport(frame, protocol, random);
    }

    static void AddIpv6(List<byte> frame, Random random)
    {
        byte next = Transport(random);
        AddUInt32(frame, (uint)(random.Next(8) == 0 ? random.Next() : 0x6000_0000 | random.Next(0x0FFF_FFFF)));
        AddUInt16(frame, (ushort)random.Next(0x10000));
        frame.Add(next);
        frame.Add((byte)random.Next(256));
        frame.AddRange(RandomBytes(random, 32));
        AddTransport(frame, next, random);
    }

    static byte Transport(Random random) => random.Next(10) switch
    {
        < 4 => 6,
        < 7 => 17,
        7 => 1,
        8 => 58,
        _ => (byte)random.Next(256),
    };

    static void AddTransport(List<byte> frame, byte protocol, Random random)
    {
        ushort Port() => random.Next(2) == 0 ? Ports[random.Next(Ports.Length)] : (ushort)random.Next(0x10000);
        switch (protocol)
        {
            case 6:
                AddUInt16(frame, Port());
                AddUInt16(frame, Port());
                frame.AddRange(RandomBytes(random, 8));
                frame.Add((byte)((random.Next(4) == 0 ? random.Next(16) : 5) << 4));
                frame.Add((byte)random.Next(256));
                frame.AddRange(RandomBytes(random, 6));
                break;
            case 17:
                AddUInt16(frame, Port());
                AddUInt16(frame, Port());
                AddUInt16(frame, (ushort)random.Next(0x10000));
                AddUInt16(frame, (ushort)random.Next(0x10000));
                break;
        }
        frame.AddRange(RandomBytes(random, random.Next(0, 24)));
    }

    static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    static void AddUInt16(List<byte> frame, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        frame.AddRange(bytes);
    }

    static void AddUInt32(List<byte> frame, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        frame.AddRange(bytes);
    }
}
