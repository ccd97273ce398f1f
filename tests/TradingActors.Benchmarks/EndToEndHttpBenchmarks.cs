using System.Diagnostics;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using TradingActors.Benchmarks.Http;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.Hosting;

namespace TradingActors.Benchmarks;

/// <summary>
/// A host's request end to end over HTTP to the simulator in this process (127.0.0.1, a free port, no faults, limits it never
/// reaches): a bare signed <see cref="HttpClient"/> (the baseline), the engine's <see cref="BinanceClient"/> alone, and the whole
/// engine on its defaults (facade, router or order ledger, registry, breaker, connector, the same client). Figures are per
/// request; the latency columns are each request's own wait.
/// </summary>
public class EndToEndHttpBenchmarks
{
    public enum Call { Price, Order }

    private const int Requests = 1024;
    private const int WarmUp = 200;

    [Params(Call.Price, Call.Order)]
    public Call Request { get; set; }

    [Params(1, 16, 64)]
    public int InFlight { get; set; }

    private readonly Dictionary<string, Latencies> _latencies = new()
    {
        [nameof(BareHttpClient)] = new(),
        [nameof(BinanceClientAlone)] = new(),
        [nameof(WholeEngine)] = new(),
    };

    private ExchangeSimulator? _simulator;
    private BareBinance? _bare;
    private BinanceClient? _client;
    private ActorSystem? _system;
    private ITradingEngine? _engine;

    [GlobalSetup]
    public async Task Start()
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions(Engine.Exchange)
            {
                Symbols = [new SymbolOptions(Engine.Symbol, 42_000m)],
                Accounts = [AccountOptions.Default with { Balances = new Dictionary<string, decimal> { ["USDT"] = 1e15m, ["BTC"] = 0m } }],
                WeightLimit = new WeightLimitOptions { Budget = int.MaxValue },
            }],
            TickInterval = TimeSpan.Zero,
        });
        var address = _simulator.Exchanges[Engine.Exchange].BaseAddress;
        var account = AccountOptions.Default;
        _bare = new BareBinance(address, account.ApiKey, account.Secret);
        _client = new BinanceClient(new BinanceSettings(address, account.ApiKey, account.Secret,
            RecvWindow: TimeSpan.FromSeconds(5), ConnectTimeout: TimeSpan.FromSeconds(2), RequestTimeout: TimeSpan.FromSeconds(10))
        {
            // The rate budget stays on, as by default, against the simulator's limit, which the run never reaches.
            RequestWeightLimit = int.MaxValue,
        });
        _system = BenchmarkSystem.Start("end-to-end-http");
        _engine = Engine.Facade(_system, await Engine.Whole(_system, TradingSettings.From(Engine.Configuration()), _client));
        // The first case measured would otherwise also measure the simulator's and the clients' code being jitted and tiered up.
        for (var i = 0; i < WarmUp; i++)
            await Task.WhenAll(_bare.PriceAsync(Engine.Symbol), _bare.BuyAsync(Engine.Symbol, 0.01m),
                _client.GetPriceAsync(Engine.Price(), CancellationToken.None).AsTask(), _client.PlaceOrderAsync(Engine.Order(), CancellationToken.None).AsTask(),
                _engine.GetPriceAsync(Engine.Price()), _engine.PlaceOrderAsync(Engine.Order()));
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        BenchmarkSystem.Stop(_system);
        _client?.Dispose();
        _bare?.Dispose();
        if (_simulator is not null)
            await _simulator.DisposeAsync();
        // Each case sets up anew and runs one of the benchmarks below: the one whose lanes timed requests.
        foreach (var (benchmark, latencies) in _latencies)
            if (latencies.Measured() is { } percentiles)
                LatencyColumn.Record(typeof(EndToEndHttpBenchmarks), benchmark, $"{nameof(Request)}={Request},{nameof(InFlight)}={InFlight}", percentiles);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task BareHttpClient() => Lanes(nameof(BareHttpClient), Request == Call.Price
        ? async () => Expect(await _bare!.PriceAsync(Engine.Symbol) > 0, "a price")
        : async () => Expect(await _bare!.BuyAsync(Engine.Symbol, 0.01m) == "FILLED", "a fill"));

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task BinanceClientAlone() => Lanes(nameof(BinanceClientAlone), Request == Call.Price
        ? async () => Expect(await _client!.GetPriceAsync(Engine.Price(), CancellationToken.None) > 0, "a price")
        : async () => Expect((await _client!.PlaceOrderAsync(Engine.Order(), CancellationToken.None)).State == OrderState.Filled, "a fill"));

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task WholeEngine() => Lanes(nameof(WholeEngine), Request == Call.Price
        ? async () => Expect(await _engine!.GetPriceAsync(Engine.Price()) is PriceQuoted, "a price")
        : async () => Expect(await _engine!.PlaceOrderAsync(Engine.Order()) is OrderPlaced { Report.State: OrderState.Filled }, "a fill"));

    // InFlight lanes, each sending its next request when its last is answered: a host with that many requests in flight.
    private async Task Lanes(string benchmark, Func<Task> call)
    {
        var latencies = _latencies[benchmark];
        var lanes = new Task[InFlight];
        for (var lane = 0; lane < InFlight; lane++)
            lanes[lane] = Task.Run(async () =>
            {
                for (var i = 0; i < Requests / InFlight; i++)
                {
                    var sentAt = Stopwatch.GetTimestamp();
                    await call().ConfigureAwait(false);
                    latencies.Add(Stopwatch.GetTimestamp() - sentAt);
                }
            });
        await Task.WhenAll(lanes);
        latencies.EndBatch();
    }

    private static void Expect(bool answered, string what)
    {
        if (!answered)
            throw new InvalidOperationException($"expected {what}");
    }
}
