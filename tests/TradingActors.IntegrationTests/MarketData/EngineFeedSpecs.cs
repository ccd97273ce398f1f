using Akka.Actor;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.MarketData;
using TradingActors.TestKit;

namespace TradingActors.IntegrationTests.MarketData;

/// <summary>The engine's feeds as a host configures them in HOCON, streaming from the simulator over a real socket.</summary>
public sealed class EngineFeedSpecs(ITestOutputHelper output)
    : TradingEngineTestKit(output, "akka.scheduler.implementation = \"Akka.Actor.HashedWheelTimerScheduler, Akka\""), IAsyncLifetime
{
    private ExchangeSimulator _simulator = null!;

    async ValueTask IAsyncLifetime.InitializeAsync() =>
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("binance")],
            TickInterval = TimeSpan.FromMilliseconds(10),
        });

    // The feeds stop first, so that the simulator's going away is not one more lost connection to reconnect.
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await Sys.Terminate();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_feed_configured_in_hocon_streams_ticks_to_its_subscribers_and_keeps_the_last_price()
    {
        var parts = StartEngine($$"""
            trading.feeds.binance {
              primary = "{{new Uri(_simulator.Exchanges["binance"].WebSocketAddress, "stream")}}"
              symbols = [BTCUSDT, ETHUSDT]
            }
            """, _ => null);

        parts.Feeds.Tell(new MarketFeed.Subscribe("binance", TestActor));
        var ticks = new[] { await ExpectMsgAsync<FeedTick>(), await ExpectMsgAsync<FeedTick>(), await ExpectMsgAsync<FeedTick>() };

        Assert.All(ticks, tick => Assert.Equal("binance", tick.Exchange));
        var price = await parts.Feeds.Ask<MarketFeed.LastPriceReply>(new MarketFeed.GetLastPrice("binance", "BTCUSDT"), TimeSpan.FromSeconds(5));
        Assert.IsType<MarketFeed.FeedPrice>(price);
    }
}
