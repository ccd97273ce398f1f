using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>A lost socket is reopened with exponential backoff and jitter, and subscribed again.</summary>
public sealed class ReconnectSpecs(ITestOutputHelper output) : FeedSpec(output)
{
    private static readonly TimeSpan Instant = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void A_socket_the_endpoint_closes_is_reopened_after_the_min_backoff_and_subscribed_again()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var first = Accept(feed, Primary);
        Trade(first, 1);

        first.Close();
        Assert.Equal("connection lost: closed by the endpoint", ExpectTransition(FeedState.Connected, FeedState.Reconnecting).Reason);
        Advance(feed, Settings.MinBackoff - Instant);
        Assert.False(Streams.HasOpening);
        Advance(feed, Instant);
        var second = Accept(feed, Primary);

        Assert.Equal(["""{"method":"SUBSCRIBE","params":["btcusdt@trade","ethusdt@trade"],"id":1}"""], second.Sent);
        Assert.Equal(first.Sent, second.Sent);
        Assert.Equal("reconnected", ExpectTransition(FeedState.Reconnecting, FeedState.Connected).Reason);
        Trade(second, 2);
    }

    [Fact]
    public void A_broken_socket_is_a_lost_connection_with_its_cause()
    {
        var feed = StartFeed();
        var stream = Accept(feed, Primary);

        stream.Break("Connection reset by peer");

        Assert.Equal("connection lost: Connection reset by peer", ExpectTransition(FeedState.Connected, FeedState.Reconnecting).Reason);
    }

    [Fact]
    public void Each_wait_doubles_the_one_before_while_the_endpoint_keeps_failing_up_to_the_max_backoff()
    {
        var feed = StartFeed();
        Refuse(feed, Primary);

        foreach (var wait in new[] { 1, 2, 4, 8, 8, 8 })
        {
            Advance(feed, S(wait) - Instant);
            Assert.False(Streams.HasOpening);
            Advance(feed, Instant);
            Refuse(feed, Primary);
        }
    }

    [Fact]
    public void Jitter_spreads_each_wait_within_its_share_either_side_of_the_doubled_backoff()
    {
        var feed = StartFeed(Settings with { BackoffJitter = 0.5 });
        var step = TimeSpan.FromMilliseconds(50);
        Refuse(feed, Primary);

        var waits = new List<TimeSpan>();
        foreach (var backoff in new[] { S(1), S(2), S(4), S(8) })
        {
            var waited = TimeSpan.Zero;
            while (!Streams.HasOpening)
            {
                Advance(feed, step);
                waited += step;
            }
            Refuse(feed, Primary);
            Assert.InRange(waited, backoff * 0.5, backoff * 1.5 + step);
            waits.Add(waited - backoff);
        }

        Assert.Contains(waits, spread => spread.Duration() > step);
    }

    [Fact]
    public void A_socket_that_closes_before_its_first_frame_counts_as_a_failed_attempt()
    {
        var feed = StartFeed();
        Accept(feed, Primary).Close();
        AwaitState(feed, FeedState.Reconnecting);
        Advance(feed, Settings.MinBackoff);
        Accept(feed, Primary).Close();

        AwaitAssert(() => Assert.Equal(2, StatusOf(feed).FailedAttempts), null, Poll);
        Advance(feed, Settings.MinBackoff * 2 - Instant);
        Assert.False(Streams.HasOpening);
    }

    [Fact]
    public void A_socket_not_open_within_the_connect_timeout_is_a_failed_attempt_and_given_up()
    {
        var feed = StartFeed();
        var opening = Streams.NextOpening();

        Advance(feed, Settings.ConnectTimeout);

        Assert.True(opening.Abandoned);
        Assert.Equal("could not connect to wss://primary.test/stream: no connection within 5s",
            ExpectTransition(FeedState.Connecting, FeedState.Reconnecting).Reason);
        Assert.Equal(1, StatusOf(feed).FailedAttempts);
    }
}
