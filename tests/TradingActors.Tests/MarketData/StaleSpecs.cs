using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>
/// A socket that stays open but sends nothing (a stalled stream) is stale after <c>stale-after</c>. The
/// endpoint's pings never reach the feed, so only frames count.
/// </summary>
public sealed class StaleSpecs(ITestOutputHelper output) : FeedSpec(output)
{
    [Fact]
    public void A_socket_silent_for_stale_after_goes_stale_is_aborted_and_replaced()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var silent = Accept(feed, Primary);
        Trade(silent, 1);

        Advance(feed, Settings.StaleAfter);

        Assert.Equal("no data frame for 10s", ExpectTransition(FeedState.Connected, FeedState.Stale).Reason);
        Assert.True(silent.Aborted);
        Assert.Equal("the silent socket is closed", ExpectTransition(FeedState.Stale, FeedState.Reconnecting).Reason);
        Advance(feed, Settings.MinBackoff);
        Trade(Accept(feed, Primary), 2);
    }

    [Fact]
    public void Frames_keep_a_socket_fresh_and_stale_after_counts_from_the_last_one()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);

        Advance(feed, S(6));
        Trade(stream, 1);
        Advance(feed, S(6));
        Assert.Equal(FeedState.Connected, StatusOf(feed).State);
        Advance(feed, S(4));

        ExpectTransition(FeedState.Connected, FeedState.Stale);
    }
}
