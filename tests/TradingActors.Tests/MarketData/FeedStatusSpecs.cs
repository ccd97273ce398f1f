using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>What a dashboard reads of a feed: its transitions on the EventStream, and a snapshot on request.</summary>
public sealed class FeedStatusSpecs(ITestOutputHelper output) : FeedSpec(output)
{
    [Fact]
    public void Every_transition_is_published_with_its_reason_time_and_endpoint()
    {
        var feed = StartFeed();
        Accept(feed, Primary);

        var connected = ExpectTransition(FeedState.Connecting, FeedState.Connected);

        Assert.Equal(("binance", "subscribing to BTCUSDT, ETHUSDT", Clock.Now, Primary),
            (connected.Exchange, connected.Reason, connected.At, connected.Endpoint));
    }

    [Fact]
    public void The_status_is_a_snapshot_of_state_endpoint_counts_and_last_prices_with_their_age()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var first = Accept(feed, Primary);
        Trade(first, 1, 42_000);
        first.Close();
        AwaitState(feed, FeedState.Reconnecting);
        Advance(feed, Settings.MinBackoff);
        var second = Accept(feed, Primary);
        Trade(second, 3, 42_010);
        Trade(second, 8, 2_200, "ETHUSDT");

        Advance(feed, S(2));
        var status = StatusOf(feed);

        Assert.Equal((FeedState.Connected, "reconnected", Primary, 1), (status.State, status.Reason, status.Endpoint, status.Subscribers));
        Assert.Equal(new FeedCounts(Ticks: 3, Duplicates: 0, MalformedFrames: 0, Gaps: 1, MissedTicks: 1,
            FailedAttempts: 0, Reconnects: 1, Failovers: 0, PrimaryReturns: 0), status.Counts);
        Assert.Equal([
            new MarketFeed.FeedPrice("binance", "BTCUSDT", 42_010, S(2), Primary),
            new MarketFeed.FeedPrice("binance", "ETHUSDT", 2_200, S(2), Primary),
        ], status.Prices);
    }
}
