using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Tail calls run the registered program and hand back its verdict; empty slots fall through.</summary>
public sealed class ProgramArrayTests
{
    readonly ProgramArray _programs = new(maxEntries: 4);
    readonly SkBuff _skb = SkBuff.FromPacket(new byte[64]);

    [Fact]
    public void Tail_call_returns_the_targets_verdict()
    {
        _programs.SetProgram<SkBuff, TcAction>(1, _ => TcAction.Shot);
        Assert.True(_programs.TailCall(_skb, 1, out TcAction verdict));
        Assert.Equal(TcAction.Shot, verdict);
    }

    [Fact]
    public void Tail_call_to_an_empty_slot_falls_through() => Assert.False(_programs.TailCall(_skb, 2, out TcAction _));

    [Fact]
    public void Chain_stops_at_the_kernels_limit()
    {
        var calls = 0;
        _programs.SetProgram<SkBuff, TcAction>(0, skb =>
        {
            calls++;
            return _programs.TailCall(skb, 0, out TcAction next) ? next : TcAction.Ok;
        });
        _programs.TailCall(_skb, 0, out TcAction _);
        Assert.Equal(ProgramArray.MaxTailCalls, calls);
    }
}
