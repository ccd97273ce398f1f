using Akka.Actor;
using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>Ticks go to the subscribers, each once; gaps are reported, not hidden; the last price is kept with its age.</summary>
public sealed class TickSpecs(ITestOutputHelper output) : FeedSpec(output)
{
    [Fact]
    public void Each_trade_goes_to_the_subscribers_as_a_tick_with_its_endpoint_and_receive_time()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);
        Advance(feed, S(2));

        var tick = Trade(stream, 7, 42_123.45);

        Assert.Equal(("binance", "BTCUSDT", 42_123.45m, 0.01m, Primary), (tick.Exchange, tick.Symbol, tick.Price, tick.Quantity, tick.Endpoint));
        Assert.Equal(Clock.Now, tick.ReceivedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), tick.TradedAt);
    }

    [Fact]
    public void A_jump_in_trade_ids_is_published_as_a_gap_and_the_tick_still_delivered()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var gaps = CreateTestProbe();
        Sys.EventStream.Subscribe(gaps, typeof(FeedGap));
        var stream = Accept(feed, Primary);
        Trade(stream, 41);
        Trade(stream, 42);

        Trade(stream, 45);

        var gap = gaps.ExpectMsg<FeedGap>();
        Assert.Equal(("BTCUSDT", 43L, 45L, 2L, Primary), (gap.Symbol, gap.Expected, gap.Received, gap.Missed, gap.Endpoint));
        var counts = StatusOf(feed).Counts;
        Assert.Equal((1L, 2L), (counts.Gaps, counts.MissedTicks));
    }

    [Fact]
    public void A_trade_already_delivered_is_dropped()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);
        Trade(stream, 1);
        Trade(stream, 2);

        stream.Push("BTCUSDT", 2);
        stream.Push("BTCUSDT", 1);

        Trade(stream, 3);
        Assert.Equal(2, StatusOf(feed).Counts.Duplicates);
    }

    [Fact]
    public void Across_a_reconnect_nothing_is_delivered_twice_and_what_was_missed_is_a_gap()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var gaps = CreateTestProbe();
        Sys.EventStream.Subscribe(gaps, typeof(FeedGap));
        var first = Accept(feed, Primary);
        Trade(first, 1);
        Trade(first, 2);
        first.Close();
        AwaitState(feed, FeedState.Reconnecting);
        Advance(feed, Settings.MinBackoff);
        var second = Accept(feed, Primary);

        second.Push("BTCUSDT", 2);
        Trade(second, 5);

        var gap = gaps.ExpectMsg<FeedGap>();
        Assert.Equal((3L, 5L), (gap.Expected, gap.Received));
        Assert.Equal(1, StatusOf(feed).Counts.Duplicates);
    }

    [Fact]
    public void Trade_ids_are_counted_per_symbol()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);

        Trade(stream, 10, symbol: "BTCUSDT");
        Trade(stream, 3, symbol: "ETHUSDT");
        Trade(stream, 11, symbol: "BTCUSDT");
        Trade(stream, 4, symbol: "ETHUSDT");

        var counts = StatusOf(feed).Counts;
        Assert.Equal((4L, 0L, 0L), (counts.Ticks, counts.Duplicates, counts.Gaps));
    }

    [Fact]
    public void The_last_price_is_answered_with_its_age_by_the_actor_systems_clock()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);
        Trade(stream, 1, 42_100);

        Advance(feed, S(3));
        feed.Tell(new MarketFeed.GetLastPrice("binance", "btcusdt"));

        Assert.Equal(new MarketFeed.FeedPrice("binance", "BTCUSDT", 42_100, S(3), Primary), ExpectMsg<MarketFeed.FeedPrice>());
    }

    [Fact]
    public void Before_its_first_trade_a_symbol_has_no_feed_price()
    {
        var feed = StartFeed();

        feed.Tell(new MarketFeed.GetLastPrice("binance", "ETHUSDT"));

        Assert.Equal("no ETHUSDT trade has come on the binance feed yet", ExpectMsg<MarketFeed.NoFeedPrice>().Reason);
    }

    [Fact]
    public void The_last_price_outlives_the_connection_and_keeps_ageing()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);
        Trade(stream, 1, 42_100);
        stream.Break();
        AwaitState(feed, FeedState.Reconnecting);

        Advance(feed, S(20));
        feed.Tell(new MarketFeed.GetLastPrice("binance", "BTCUSDT"));

        var price = ExpectMsg<MarketFeed.FeedPrice>();
        Assert.Equal((42_100, S(20)), (price.Price, price.Age));
    }

    [Fact]
    public void A_subscriber_that_unsubscribes_or_stops_gets_no_more_ticks()
    {
        var feed = StartFeed();
        var leaving = CreateTestProbe();
        var stopping = CreateTestProbe();
        Subscribe(feed);
        feed.Tell(new MarketFeed.Subscribe("binance", leaving));
        feed.Tell(new MarketFeed.Subscribe("binance", stopping));
        var stream = Accept(feed, Primary);
        Trade(stream, 1);
        leaving.ExpectMsg<FeedTick>();
        stopping.ExpectMsg<FeedTick>();

        feed.Tell(new MarketFeed.Unsubscribe("binance", leaving));
        Sys.Stop(stopping);

        AwaitAssert(() => Assert.Equal(1, StatusOf(feed).Subscribers), null, Poll);
        Trade(stream, 2);
        leaving.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_unreadable_frame_is_counted_and_the_stream_goes_on()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);

        stream.Push("""{"stream":"btcusdt@trade","data":{"e":"trade","E":17000""");
        Trade(stream, 1);

        Assert.Equal(1, StatusOf(feed).Counts.MalformedFrames);
    }

    [Fact]
    public void The_answer_to_the_subscription_is_neither_a_tick_nor_a_malformed_frame()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);

        stream.Push(TradeFrames.Subscribed);
        Trade(stream, 1);

        Assert.Equal((1L, 0L), (StatusOf(feed).Counts.Ticks, StatusOf(feed).Counts.MalformedFrames));
    }

    [Fact]
    public void A_raw_stream_event_is_read_as_well_as_a_combined_one()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);

        stream.Push("""{"e":"trade","E":1,"s":"ETHUSDT","t":12,"p":"2200.50000000","q":"1.00000000","T":1,"m":true,"M":true}""");

        var tick = ExpectMsg<FeedTick>();
        Assert.Equal(("ETHUSDT", 12L, 2200.5m), (tick.Symbol, tick.TradeId, tick.Price));
    }
}
