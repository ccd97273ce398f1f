using TradingActors.Orders.UserData;

namespace TradingActors.Tests.Orders.UserData;

/// <summary>
/// The stream is quiet while nothing trades, so silence proves nothing: a ping every interval does, and one
/// left unanswered for the answer timeout shows a dead connection, which is dropped and replaced.
/// </summary>
public sealed class PingSpecs(ITestOutputHelper output) : UserDataSpec(output)
{
    private static readonly UserDataSettings Settings = Binance.UserData!;

    [Fact]
    public void A_subscribed_stream_pings_every_interval_while_its_pings_are_answered()
    {
        var stream = StartStream();
        var socket = Subscribe(stream);

        for (var sent = 1; sent <= 3; sent++)
        {
            Advance(stream, Settings.PingInterval - Instant);
            Assert.Equal(sent, socket.Sent.Count);
            Advance(stream, Instant);
            var ping = NextRequest(socket, sent);
            Assert.Equal("ping", ping.GetProperty("method").GetString());
            Deliver(socket, UserDataFrames.Pong(RequestId(ping)));
        }

        Assert.False(socket.Aborted);
    }

    [Fact]
    public void A_ping_unanswered_within_the_answer_timeout_drops_the_connection_and_a_new_one_is_subscribed()
    {
        var stream = StartStream();
        var socket = Subscribe(stream);
        Advance(stream, Settings.PingInterval);
        NextRequest(socket, 1);

        Advance(stream, Settings.AnswerTimeout - Instant);
        Assert.False(socket.Aborted);
        Advance(stream, Instant);

        Assert.Equal("no answer to a ping within 10s", ExpectTransition(UserDataState.Subscribed, UserDataState.Reconnecting).Reason);
        Assert.True(socket.Aborted);
        Advance(stream, Settings.MinBackoff);
        Subscribe(stream);
    }
}
