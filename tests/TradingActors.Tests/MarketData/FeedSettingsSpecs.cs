using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>A feed's settings are read per exchange over the feed defaults, and a bad one names its HOCON path.</summary>
public sealed class FeedSettingsSpecs
{
    private static TradingSettings Read(string hocon) => TradingSettings.From(ConfigurationFactory.ParseString(hocon));

    [Fact]
    public void A_feed_section_needs_only_its_primary_and_symbols_and_takes_the_rest_from_the_defaults()
    {
        var feed = Read("""trading.feeds.binance { primary = "wss://stream.binance.com:9443/stream", symbols = [btcusdt, ETHUSDT] }""").Feeds["binance"];

        Assert.Equal(new Uri("wss://stream.binance.com:9443/stream"), feed.Primary);
        Assert.Null(feed.Backup);
        Assert.Equal(["BTCUSDT", "ETHUSDT"], feed.Symbols);
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), 5),
            (feed.StaleAfter, feed.MinBackoff, feed.MaxBackoff, feed.FailoverAfterAttempts));
    }

    [Fact]
    public void A_feed_section_overrides_the_defaults_where_it_says_so()
    {
        var feed = Read("""
            trading.feed-defaults.stale-after = 3s
            trading.feeds.binance {
              primary = "ws://127.0.0.1:9001/stream", backup = "ws://127.0.0.1:9002/stream", symbols = [BTCUSDT]
              failover-after-attempts = 2, primary-probe-interval = 5s
            }
            """).Feeds["binance"];

        Assert.Equal((new Uri("ws://127.0.0.1:9002/stream"), TimeSpan.FromSeconds(3), 2, TimeSpan.FromSeconds(5)),
            (feed.Backup, feed.StaleAfter, feed.FailoverAfterAttempts, feed.PrimaryProbeInterval));
    }

    [Fact]
    public void No_feed_is_configured_by_default()
    {
        Assert.Empty(Read("").Feeds);
    }

    [Theory]
    [InlineData("""trading.feeds.binance { symbols = [BTCUSDT] }""", "trading.feeds.binance.primary")]
    [InlineData("""trading.feeds.binance { primary = "https://stream.test", symbols = [BTCUSDT] }""", "trading.feeds.binance.primary")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", backup = "wss://a.test", symbols = [BTCUSDT] }""", "trading.feeds.binance.backup")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test" }""", "trading.feeds.binance.symbols")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", symbols = ["BTC/USDT"] }""", "trading.feeds.binance.symbols")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", symbols = [BTCUSDT], stale-after = 0s }""", "trading.feeds.binance.stale-after")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", symbols = [BTCUSDT], max-backoff = 100ms }""", "trading.feeds.binance.max-backoff")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", symbols = [BTCUSDT], backoff-jitter = 2 }""", "trading.feeds.binance.backoff-jitter")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", symbols = [BTCUSDT], failover-after-attempts = 0 }""", "trading.feeds.binance.failover-after-attempts")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", symbols = [BTCUSDT], read-ahead = 0 }""", "trading.feeds.binance.read-ahead")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", symbols = [BTCUSDT], read-ahead = 100001 }""", "trading.feeds.binance.read-ahead")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", symbols = [BTCUSDT], read-ahead = lots }""", "trading.feeds.binance.read-ahead")]
    [InlineData("""trading.feeds.binance { primary = "wss://a.test", symbols = [BTCUSDT], gap-report-interval = 0s }""", "trading.feeds.binance.gap-report-interval")]
    public void A_bad_value_stops_start_up_naming_its_path(string hocon, string path)
    {
        Assert.Equal(path, Assert.Throws<SettingsException>(() => Read(hocon)).Path);
    }

    [Fact]
    public void A_bad_default_is_reported_at_the_defaults_path()
    {
        var error = Assert.Throws<SettingsException>(() => Read("""
            trading.feed-defaults.connect-timeout = soon
            trading.feeds.binance { primary = "wss://a.test", symbols = [BTCUSDT] }
            """));

        Assert.Equal("trading.feed-defaults.connect-timeout", error.Path);
    }
}
