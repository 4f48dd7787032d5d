using Sharp.Bpf.Flat.Kernel;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Kernel;

/// <summary>TCP: a SYN starts a measurement, the SYN/ACK on the reversed 5-tuple ends it.</summary>
[Collection(ProbeFixture.Name)]
public sealed class TcpHandshakeTests : ProbeFixture
{
    [Fact]
    public void Syn_then_syn_ack_reports_the_time_between_them()
    {
        Egress(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn));
        Wait(3.25);
        Ingress(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, SynAck));
        Assert.Equal(3_250_000UL, Assert.Single(Measurements()).LatencyNs);
    }

    [Fact]
    public void Measurement_reports_the_ttl_of_the_syn_ack()
    {
        Egress(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn, ttl: 64));
        Ingress(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, SynAck, ttl: 57));
        Assert.Equal(57, Assert.Single(Measurements()).Ttl);
    }

    [Fact]
    public void Measurement_carries_the_flow_as_the_syn_carried_it()
    {
        Handshake("10.0.0.1", "10.0.0.2", 40000, 443);
        var flow = Assert.Single(Measurements()).Flow;
        Assert.Equal(("::ffff:10.0.0.1", "::ffff:10.0.0.2"), (flow.Source.ToString(), flow.Destination.ToString()));
        Assert.Equal((40000, 443, 6), (flow.SourcePort, flow.DestinationPort, flow.Protocol));
    }

    [Fact]
    public void Syn_ack_arriving_on_ingress_marks_this_host_as_the_client()
    {
        Handshake("10.0.0.1", "10.0.0.2", 40000, 443);
        Assert.Equal(1, Assert.Single(Measurements()).ReplyIngress);
    }

    [Fact]
    public void Syn_ack_leaving_on_egress_marks_this_host_as_the_server()
    {
        Ingress(Tcp4("10.0.0.9", "10.0.0.1", 51000, 22, Syn));
        Egress(Tcp4("10.0.0.1", "10.0.0.9", 22, 51000, SynAck));
        Assert.Equal(0, Assert.Single(Measurements()).ReplyIngress);
    }

    [Fact]
    public void Retransmitted_syn_restarts_the_measurement()
    {
        Egress(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn));
        Wait(1000);
        Egress(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn));
        Wait(2);
        Ingress(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, SynAck));
        Assert.Equal(2_000_000UL, Assert.Single(Measurements()).LatencyNs);
    }

    [Fact]
    public void Handshake_is_reported_once_even_if_the_syn_ack_is_retransmitted()
    {
        Handshake("10.0.0.1", "10.0.0.2", 40000, 443);
        Ingress(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, SynAck));
        Assert.Single(Measurements());
    }

    [Fact]
    public void Syn_ack_without_a_pending_syn_reports_nothing()
    {
        Ingress(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, SynAck));
        Assert.Empty(Measurements());
    }

    [Fact]
    public void Syn_ack_of_another_flow_does_not_end_the_measurement()
    {
        Egress(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn));
        Ingress(Tcp4("10.0.0.2", "10.0.0.1", 443, 40001, SynAck));
        Assert.Empty(Measurements());
        Assert.Equal(1, FlatProbe.Pending.Count);
    }

    [Theory]
    [InlineData(Ack)]
    [InlineData(0x18)] // PSH|ACK
    [InlineData(0x11)] // FIN|ACK
    [InlineData(0x04)] // RST
    public void Segments_other_than_syn_do_not_start_a_measurement(byte flags)
    {
        Egress(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, flags));
        Assert.Equal(0, FlatProbe.Pending.Count);
    }

    [Fact]
    public void Completed_handshake_leaves_no_pending_entry()
    {
        Handshake("10.0.0.1", "10.0.0.2", 40000, 443);
        Assert.Equal(0, FlatProbe.Pending.Count);
    }

    [Fact]
    public void Syn_ack_after_the_pending_entry_went_stale_is_not_reported()
    {
        Handshake("10.0.0.1", "10.0.0.2", 40000, 443, milliseconds: FlatProbe.StaleAfterNs / 1e6 + 1);
        Assert.Empty(Measurements());
        Assert.Equal(0, FlatProbe.Pending.Count);
    }

    [Fact]
    public void Every_program_lets_the_packet_pass()
    {
        Assert.Equal(Sharp.Bpf.Kernel.TcAction.Ok, Egress(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn)));
        Assert.Equal(Sharp.Bpf.Kernel.TcAction.Ok, Ingress(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, SynAck)));
    }
}
