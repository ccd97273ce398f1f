using Akka.Actor;
using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.Hosting;
using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>The engine's <c>feeds</c>: one feed per configured exchange, reached by exchange name.</summary>
public sealed class MarketFeedsSpecs(ITestOutputHelper output) : FeedSpec(output)
{
    [Fact]
    public void The_engine_starts_one_feed_per_configured_exchange_under_feeds()
    {
        var settings = TradingSettings.From(ConfigurationFactory.ParseString("""
            trading.feeds.binance { primary = "wss://primary.test/stream", symbols = [BTCUSDT] }
            trading.feeds.bybit { primary = "wss://bybit.test/stream", symbols = [ETHUSDT] }
            """));

        Sys.ActorOf(TradingEngine.Props(settings, _ => null, Streams), TradingEngine.Name);

        Assert.Equal(
            [new Uri("wss://bybit.test/stream"), Primary],
            new[] { Streams.NextOpening(), Streams.NextOpening() }.Select(o => o.Endpoint).OrderBy(u => u.Host));
        Sys.ActorSelection("/user/trading/feeds/binance").Tell(new Identify("binance"));
        Assert.NotNull(ExpectMsg<ActorIdentity>().Subject);
    }

    [Fact]
    public void Commands_reach_the_feed_of_their_exchange()
    {
        var feeds = Sys.ActorOf(MarketFeeds.Props(new Dictionary<string, FeedSettings> { ["binance"] = Settings }, Streams));
        feeds.Tell(new MarketFeed.Subscribe("binance", TestActor));
        var stream = Streams.NextOpening().Accept();
        AwaitCondition(() => stream.Sent.Count > 0, null, Poll);

        stream.Push("BTCUSDT", 1, 42_001);
        ExpectMsg<FeedTick>();
        feeds.Tell(new MarketFeed.GetLastPrice("binance", "BTCUSDT"));

        Assert.Equal(42_001, ExpectMsg<MarketFeed.FeedPrice>().Price);
    }

    [Fact]
    public void A_price_asked_of_an_exchange_without_a_feed_is_answered_as_none()
    {
        var feeds = Sys.ActorOf(MarketFeeds.Props(new Dictionary<string, FeedSettings>(), Streams));

        feeds.Tell(new MarketFeed.GetLastPrice("kraken", "BTCUSDT"));

        Assert.Equal("no feed for 'kraken' is configured", ExpectMsg<MarketFeed.NoFeedPrice>().Reason);
    }

    [Fact]
    public void The_statuses_of_all_feeds_come_in_one_answer_ordered_by_exchange()
    {
        var feeds = Sys.ActorOf(MarketFeeds.Props(new Dictionary<string, FeedSettings> { ["kraken"] = Settings, ["binance"] = Settings }, Streams));

        feeds.Tell(MarketFeeds.GetStatuses.Instance);

        Assert.Equal(["binance", "kraken"], ExpectMsg<MarketFeeds.Statuses>().Feeds.Select(s => s.Exchange));
    }
}
