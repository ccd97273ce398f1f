using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Sql.Config;
using Akka.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Hosting;

namespace TradingActors.Tests.Hosting;

/// <summary>A trading host embeds the engine with Akka.Hosting and uses it through <see cref="ITradingEngine"/>.</summary>
public sealed class TradingEngineHostingSpecs
{
    private static readonly Config Config = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        trading.exchanges.binance.failure-threshold = 3
        """);

    /// <summary>A host on a ledger file of its own, a real SQLite file in a temporary folder.</summary>
    private static IHost BuildHost(Config config, Func<ActorSystem, string, Props?>? exchanges = null) =>
        Host.CreateDefaultBuilder()
            .ConfigureServices(services =>
            {
                services.AddAkka("trading-host", (akka, provider) => akka.WithTradingEngine(config.WithFallback(OwnLedgerFile()), exchanges ?? ((system, exchange) =>
                    ExchangeConnector.Props(new SimulatedExchangeClient(system.Scheduler).WithPrice("BTCUSDT", 42_000)))));
                services.AddTradingEngine();
            })
            .Build();

    private static Config OwnLedgerFile() => ConfigurationFactory.ParseString(
        $"trading.orders.sqlite-file = \"{Path.Combine(Path.GetTempPath(), $"trading-host-{Guid.NewGuid():N}", "orders.db")}\"");

    /// <summary>A host on virtual time whose exchange never answers, so only the engine's own bounds end a call.</summary>
    private static IHost SilentExchangeHost(string hocon) => BuildHost(
        ConfigurationFactory.ParseString($$"""
            akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
            {{hocon}}
            """).WithFallback(Config),
        (_, _) => Props.Create(() => new Silent()));

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    [Fact]
    public async Task A_generic_host_with_the_engine_places_an_order_through_the_facade()
    {
        using var host = BuildHost(Config);
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();

        var reply = await engine.PlaceOrderAsync(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.1m, null, "host-1"));

        Assert.Equal(OrderState.Filled, Assert.IsType<OrderPlaced>(reply).Report.State);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_facade_reports_every_exchanges_breaker_and_takes_commands()
    {
        using var host = BuildHost(Config);
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();

        var isolated = await engine.SendAsync(new CircuitBreaker.Isolate("binance", "maintenance"));
        var summaries = await engine.GetStatusesAsync();
        var binance = await engine.GetStatusAsync("binance");

        Assert.Equal(BreakerState.Isolated, isolated.State);
        Assert.Equal(("binance", BreakerState.Isolated), (summaries.Single().Exchange, summaries.Single().State));
        Assert.Equal(3, binance.Settings.FailureThreshold);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_host_s_actor_system_opens_the_ledger_file_with_the_ledger_s_own_connections()
    {
        using var host = BuildHost(Config);
        await host.StartAsync();

        var connections = host.Services.GetRequiredService<ActorSystem>().Settings.Setup.Get<MultiDataOptionsSetup>();

        Assert.True(connections.HasValue && connections.Value.TryGetDataOptionsFor("akka.persistence.journal.sql", out _));
        await host.StopAsync();
    }

    [Fact]
    public void A_bad_configuration_value_fails_before_the_host_starts()
    {
        var bad = ConfigurationFactory.ParseString("trading.exchanges.binance.call-timeout = forever");

        var error = Assert.Throws<SettingsException>(() => BuildHost(bad).Services.GetRequiredService<Akka.Actor.ActorSystem>());

        Assert.Equal("trading.exchanges.binance.call-timeout", error.Path);
    }

    [Fact]
    public async Task A_call_after_the_engine_stopped_fails_at_once_saying_so()
    {
        using var host = BuildHost(Config);
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        await host.StopAsync();

        var error = await Assert.ThrowsAsync<TradingEngineStoppedException>(() => engine.GetPriceAsync(new GetPrice("binance", "BTCUSDT")));

        Assert.Contains("stopped", error.Message);
    }

    [Fact]
    public async Task A_call_waiting_when_the_engine_stops_ends_as_it_stops()
    {
        using var host = SilentExchangeHost("trading.exchanges.binance.call-timeout = 1h");
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        var waiting = engine.GetPriceAsync(new GetPrice("binance", "BTCUSDT"));

        await host.StopAsync();

        // Either way it ends now: the facade's word that the engine stopped, or the breaker's answer as it stopped.
        try
        {
            Assert.IsType<ExchangeFailed>(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        catch (TradingEngineStoppedException)
        {
        }
    }

    [Fact]
    public async Task A_call_the_engine_cannot_answer_fails_at_its_bound_naming_the_exchange()
    {
        using var host = SilentExchangeHost("""
            trading.exchanges.binance.call-timeout = 1h
            trading.facade.answer-timeout = 5s
            """);
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        var clock = (TestScheduler)host.Services.GetRequiredService<ActorSystem>().Scheduler;

        var waiting = engine.GetPriceAsync(new GetPrice("binance", "BTCUSDT"));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<TradingEngineTimeoutException>(() => waiting);
        Assert.Equal("binance", error.Exchange);
        await host.StopAsync();
    }
}
