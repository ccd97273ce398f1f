using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit;
using TradingActors.Exchanges;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.MarketData;
using TradingActors.TestKit;

namespace TradingActors.IntegrationTests.MarketData;

/// <summary>
/// A feed in Bybit's and in Kraken's protocol over real sockets against the simulator speaking that dialect:
/// the subscription is accepted, ticks come exactly priced, none twice, and a stalled stream is replaced.
/// Real time, kept to fractions of a second.
/// </summary>
public sealed class FeedDialectSpecs(ITestOutputHelper output)
    : TradingEngineTestKit(output, "akka.scheduler.implementation = \"Akka.Actor.HashedWheelTimerScheduler, Akka\""), IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentQueue<FeedTick> _ticks = new();
    private ExchangeSimulator? _simulator;
    private TestProbe _transitions = null!;

    // The feed stops first, so that the simulator's going away is not one more lost connection to reconnect.
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await Sys.Terminate();
        if (_simulator is not null)
            await _simulator.DisposeAsync();
    }

    public static TheoryData<ExchangeDialect, ExchangeProtocol, string> Dialects => new()
    {
        { ExchangeDialect.Bybit, ExchangeProtocol.Bybit, "v5/public/spot" },
        { ExchangeDialect.Kraken, ExchangeProtocol.Kraken, "v2" },
    };

    private async Task<SimulatedExchange> StartFeed(ExchangeDialect dialect, ExchangeProtocol protocol, string path)
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("venue") { Dialect = dialect }],
            TickInterval = TimeSpan.FromMilliseconds(10),
        });
        var exchange = _simulator.Exchanges["venue"];
        var settings = FeedSettings.Default(new Uri(exchange.WebSocketAddress, path), "BTCUSDT", "ETHUSDT") with
        {
            Protocol = protocol,
            StaleAfter = TimeSpan.FromMilliseconds(500),
            ConnectTimeout = TimeSpan.FromSeconds(1),
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(400),
        };
        _transitions = CreateTestProbe();
        Sys.EventStream.Subscribe(_transitions, typeof(FeedTransitioned));
        var feed = Sys.ActorOf(MarketFeed.Props("venue", settings, new WebSocketStreamClient()));
        feed.Tell(new MarketFeed.Subscribe("venue", Sys.ActorOf(TickRecorder.Props(_ticks))));
        return exchange;
    }

    private ValueTask<FeedTransitioned> Transition(FeedState to) =>
        _transitions.FishForMessageAsync<FeedTransitioned>(t => t.To == to, Bound);

    private Task TicksResume(string symbol)
    {
        var before = _ticks.Count;
        return AwaitAssertAsync(() => Assert.True(_ticks.Skip(before).Count(t => t.Symbol == symbol) >= 5), Bound, Poll);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_feed_subscribes_in_the_exchanges_protocol_and_every_symbols_trades_arrive_once_each(
        ExchangeDialect dialect, ExchangeProtocol protocol, string path)
    {
        await StartFeed(dialect, protocol, path);
        await Transition(FeedState.Connected);

        await TicksResume("BTCUSDT");
        await TicksResume("ETHUSDT");

        var ticks = _ticks.ToArray();
        Assert.Equal(ticks.Length, ticks.DistinctBy(t => (t.Symbol, t.TradeId)).Count());
        Assert.All(ticks, tick => Assert.True(tick.Price > 0 && tick.Quantity > 0));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_stalled_stream_is_detected_stale_and_replaced_and_ticks_resume(ExchangeDialect dialect, ExchangeProtocol protocol, string path)
    {
        var exchange = await StartFeed(dialect, protocol, path);
        await Transition(FeedState.Connected);
        await TicksResume("BTCUSDT");

        await exchange.Faults.SetAsync(new FaultSettings { WsStall = true });
        await Transition(FeedState.Stale);
        await exchange.Faults.ClearAsync();

        await Transition(FeedState.Connected);
        await TicksResume("BTCUSDT");
    }
}
