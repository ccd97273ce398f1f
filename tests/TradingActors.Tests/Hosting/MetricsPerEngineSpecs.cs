using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Hosting;
using TradingActors.Metrics;

namespace TradingActors.Tests.Hosting;

/// <summary>Two engines in one process (two hosts): each has its own meter, tagged with its name, and its own figures.</summary>
public sealed class MetricsPerEngineSpecs : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = new();
    private readonly MeterListener _listener = new();
    private IHost _first = null!;
    private IHost _second = null!;

    private static IHost EngineHost(string name) => Host.CreateDefaultBuilder()
        .ConfigureServices(services =>
        {
            services.AddAkka(name, akka => akka.WithTradingEngine(ConfigurationFactory.ParseString($$"""
                akka.loglevel = WARNING
                trading.exchanges.binance = {}
                trading.orders.sqlite-file = "{{Path.Combine(Path.GetTempPath(), $"trading-{name}-{Guid.NewGuid():N}", "orders.db")}}"
                """), (system, _) => ExchangeConnector.Props(new SimulatedExchangeClient(system.Scheduler).WithPrice("BTCUSDT", 42_000))));
            services.AddTradingEngine();
        })
        .Build();

    public async ValueTask InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineMeter.Name)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        (_first, _second) = (EngineHost("engine-one"), EngineHost("engine-two"));
        await _first.StartAsync();
        await _second.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _first.StopAsync();
        _first.Dispose();
        await _second.StopAsync();
        _second.Dispose();
    }

    // The engine's name is the meter's tag; an exporter adds it to every measurement, as here.
    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measured.Enqueue((instrument.Name, value, tags.ToArray().Concat(instrument.Meter.Tags ?? []).ToDictionary(t => t.Key, t => t.Value)));

    private Dictionary<string, double> BinanceStateByEngine()
    {
        _measured.Clear();
        _listener.RecordObservableInstruments();
        return Ours(_measured).Where(m => m.Instrument == "trading.breaker.state" && Equals(m.Tags["exchange"], "binance"))
            .ToDictionary(m => (string)m.Tags[EngineMeter.EngineTag]!, m => m.Value);
    }

    // Other specs' engines record into meters of their own meanwhile, under their own names.
    private static IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Ours(
        IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> measured) =>
        measured.Where(m => m.Tags[EngineMeter.EngineTag] is "engine-one" or "engine-two");

    private static ITradingEngine EngineOf(IHost host) => host.Services.GetRequiredService<ITradingEngine>();

    [Fact]
    public async Task Each_engine_gauges_its_own_breakers_under_its_own_name()
    {
        await EngineOf(_first).SendAsync(new CircuitBreaker.Isolate("binance", "maintenance"));
        await EngineOf(_second).GetPriceAsync(new GetPrice("binance", "BTCUSDT"));

        var states = BinanceStateByEngine();

        Assert.Equal((double)BreakerState.Isolated, states["engine-one"]);
        Assert.Equal((double)BreakerState.Closed, states["engine-two"]);
    }

    [Fact]
    public async Task An_engine_that_stops_leaves_the_other_engine_s_gauges_alone()
    {
        await EngineOf(_first).GetPriceAsync(new GetPrice("binance", "BTCUSDT"));
        await EngineOf(_second).GetPriceAsync(new GetPrice("binance", "BTCUSDT"));

        await _second.StopAsync();

        Assert.Equal(["engine-one"], BinanceStateByEngine().Keys);
    }

    [Fact]
    public async Task An_engine_s_requests_are_counted_under_its_name()
    {
        await EngineOf(_second).GetPriceAsync(new GetPrice("binance", "BTCUSDT"));
        // The breaker counts a request as it answers it: the second answer comes after the first was counted.
        await EngineOf(_second).GetPriceAsync(new GetPrice("binance", "BTCUSDT"));

        var requests = Ours(_measured).Where(m => m.Instrument == "trading.requests").Select(m => m.Tags[EngineMeter.EngineTag]).ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, engine => Assert.Equal("engine-two", engine));
    }
}
