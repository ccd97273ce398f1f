using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.MarketData;
using TradingActors.TestKit;

namespace TradingActors.IntegrationTests.MarketData;

/// <summary>
/// A feed over real sockets against two simulated exchanges on loopback, a primary and its backup: a forced
/// disconnect, a stalled stream, a dead primary, and the primary's recovery. Each time the subscriber sees ticks
/// resume, and never the same (endpoint, symbol, trade id) twice. Real time, kept to fractions of a second.
/// </summary>
public sealed class FeedOverWebSocketSpecs(ITestOutputHelper output)
    : TradingEngineTestKit(output, "akka.scheduler.implementation = \"Akka.Actor.HashedWheelTimerScheduler, Akka\""), IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private ExchangeSimulator _simulator = null!;
    private readonly ConcurrentQueue<FeedTick> _ticks = new();
    private TestProbe _transitions = null!;

    async ValueTask IAsyncLifetime.InitializeAsync() =>
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("primary"), new ExchangeOptions("backup")],
            TickInterval = TimeSpan.FromMilliseconds(10),
        });

    // The feeds stop first, so that the simulator's going away is not one more lost connection to reconnect.
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await Sys.Terminate();
        await _simulator.DisposeAsync();
    }

    private SimulatedExchange PrimaryExchange => _simulator.Exchanges["primary"];

    private Uri Primary => new(PrimaryExchange.WebSocketAddress, "stream");

    private Uri Backup => new(_simulator.Exchanges["backup"].WebSocketAddress, "stream");

    private void StartFeed(bool withBackup)
    {
        var settings = FeedSettings.Default(Primary, "BTCUSDT") with
        {
            Backup = withBackup ? Backup : null,
            StaleAfter = TimeSpan.FromMilliseconds(500),
            ConnectTimeout = TimeSpan.FromSeconds(1),
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(400),
            BackoffJitter = 0.2,
            FailoverAfterAttempts = 3,
            FailoverAfter = TimeSpan.FromSeconds(3),
            PrimaryProbeInterval = TimeSpan.FromMilliseconds(300),
        };
        _transitions = CreateTestProbe();
        Sys.EventStream.Subscribe(_transitions, typeof(FeedTransitioned));
        var feed = Sys.ActorOf(MarketFeed.Props("binance", settings, new WebSocketStreamClient()));
        feed.Tell(new MarketFeed.Subscribe("binance", Sys.ActorOf(TickRecorder.Props(_ticks))));
    }

    private ValueTask<FeedTransitioned> Transition(FeedState to) =>
        _transitions.FishForMessageAsync<FeedTransitioned>(t => t.To == to, Bound);

    /// <summary>Waits for a few ticks from <paramref name="endpoint"/> that arrive from now on.</summary>
    private Task TicksResume(Uri endpoint)
    {
        var before = _ticks.Count;
        return AwaitAssertAsync(() => Assert.True(_ticks.Skip(before).Count(t => t.Endpoint == endpoint) >= 5), Bound, Poll);
    }

    private void NoTickTwice()
    {
        var ticks = _ticks.ToArray();
        Assert.Equal(ticks.Length, ticks.DistinctBy(t => (t.Endpoint, t.Symbol, t.TradeId)).Count());
    }

    [Fact]
    public async Task After_a_forced_disconnect_ticks_resume_and_those_lost_meanwhile_are_reported_as_a_gap()
    {
        var gaps = CreateTestProbe();
        Sys.EventStream.Subscribe(gaps, typeof(FeedGap));
        StartFeed(withBackup: false);
        await Transition(FeedState.Connected);
        await TicksResume(Primary);

        await PrimaryExchange.Faults.SetAsync(new FaultSettings { WsDrop = true });
        await Transition(FeedState.Reconnecting);
        await PrimaryExchange.Faults.ClearAsync();

        await TicksResume(Primary);
        Assert.True((await gaps.ExpectMsgAsync<FeedGap>(Bound)).Missed > 0);
        NoTickTwice();
    }

    [Fact]
    public async Task A_stalled_stream_is_detected_stale_and_replaced_and_ticks_resume()
    {
        StartFeed(withBackup: false);
        await Transition(FeedState.Connected);
        await TicksResume(Primary);

        await PrimaryExchange.Faults.SetAsync(new FaultSettings { WsStall = true });
        var stale = await Transition(FeedState.Stale);
        await PrimaryExchange.Faults.ClearAsync();

        await TicksResume(Primary);
        Assert.StartsWith("no data frame for", stale.Reason);
        NoTickTwice();
    }

    [Fact]
    public async Task A_dead_primary_fails_over_to_the_backup_and_ticks_resume_from_it()
    {
        StartFeed(withBackup: true);
        await Transition(FeedState.Connected);
        await TicksResume(Primary);

        await PrimaryExchange.Faults.SetAsync(new FaultSettings { Outage = true });
        var failover = await Transition(FeedState.OnBackup);

        await TicksResume(Backup);
        Assert.Equal(Backup, failover.Endpoint);
        Assert.StartsWith($"failed over from {Primary}", failover.Reason);
        NoTickTwice();
    }

    [Fact]
    public async Task When_the_primary_recovers_the_feed_goes_back_to_it_and_ticks_resume_from_it()
    {
        StartFeed(withBackup: true);
        await Transition(FeedState.Connected);
        await PrimaryExchange.Faults.SetAsync(new FaultSettings { Outage = true });
        await Transition(FeedState.OnBackup);
        await TicksResume(Backup);

        await PrimaryExchange.Faults.ClearAsync();
        var back = await Transition(FeedState.Connected);

        await TicksResume(Primary);
        Assert.Equal((Primary, "the primary answered a probe"), (back.Endpoint, back.Reason));
        NoTickTwice();
    }
}
