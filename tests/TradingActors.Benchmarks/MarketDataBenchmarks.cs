using Akka.Actor;
using BenchmarkDotNet.Attributes;
using TradingActors.Benchmarks.Feeds;
using TradingActors.MarketData;

namespace TradingActors.Benchmarks;

/// <summary>
/// Trades per second from a WebSocket endpoint to their consumer (issue 15, goal 2): through a feed actor, on
/// the engine's default feed settings, to a subscriber actor, against the bare loop of a
/// <see cref="ClientWebSocket"/> parsing the same frames (the baseline). The source pushes Binance trade frames
/// as fast as the socket takes them (Rate = 0: the ceiling of each, the feed's socket held back by its
/// read-ahead window) or at a set rate (where the latencies compare). An operation is one trade: the mean is the
/// time per trade, its inverse the throughput; p50/p99 are the delivery latencies from the source's send; the
/// allocated bytes are per trade, the source's included. A skipped trade id fails the run: the source never skips.
/// </summary>
public class MarketDataBenchmarks
{
    private const int Trades = 20_000;

    [Params(0, 50_000)]
    public int Rate { get; set; }

    private TradeFrameSource? _source;
    private BareTradeLoop? _bare;
    private ActorSystem? _system;
    private Deliveries? _feed;

    [GlobalSetup(Target = nameof(BareWebSocket))]
    public async Task StartBare()
    {
        _source = await TradeFrameSource.StartAsync(Rate);
        _bare = await BareTradeLoop.StartAsync(_source);
    }

    [GlobalSetup(Target = nameof(Feed))]
    public async Task StartFeed()
    {
        _source = await TradeFrameSource.StartAsync(Rate);
        _system = BenchmarkSystem.Start("market-data");
        _feed = new Deliveries(_source);
        var counter = _system.ActorOf(TradeCounter.Props(_feed), "subscriber");
        var feed = _system.ActorOf(MarketFeed.Props("bench", FeedSettings.Default(_source.Endpoint, TradeFrameSource.Symbol), new WebSocketStreamClient()), "feed");
        feed.Tell(new MarketFeed.Subscribe("bench", counter));
        // Streaming before the first operation, so that no operation times the connection.
        await _feed.Expect(1);
    }

    [GlobalCleanup(Target = nameof(BareWebSocket))]
    public async Task StopBare()
    {
        await _bare!.DisposeAsync();
        await _source!.DisposeAsync();
        Record(nameof(BareWebSocket), _bare.Deliveries);
        Checked(_bare.Deliveries);
    }

    [GlobalCleanup(Target = nameof(Feed))]
    public async Task StopFeed()
    {
        BenchmarkSystem.Stop(_system);
        await _source!.DisposeAsync();
        Record(nameof(Feed), _feed!);
        Checked(_feed!);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Trades)]
    public Task BareWebSocket() => Checked(_bare!.Deliveries).Expect(Trades);

    [Benchmark(OperationsPerInvoke = Trades)]
    public Task Feed() => Checked(_feed!).Expect(Trades);

    private static Deliveries Checked(Deliveries deliveries) =>
        deliveries.Skipped == 0 ? deliveries : throw new InvalidOperationException($"{deliveries.Skipped} trade ids skipped: trades were lost");

    private void Record(string benchmark, Deliveries deliveries)
    {
        if (deliveries.Latencies.Measured() is { } percentiles)
            LatencyColumn.Record(typeof(MarketDataBenchmarks), benchmark, $"{nameof(Rate)}={Rate}", percentiles);
    }
}
