using Akka.Configuration;
using Akka.Hosting;
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

    private static IHost BuildHost(Config config) =>
        Host.CreateDefaultBuilder()
            .ConfigureServices(services =>
            {
                services.AddAkka("trading-host", (akka, provider) => akka.WithTradingEngine(config, (system, exchange) =>
                    ExchangeConnector.Props(new SimulatedExchangeClient(system.Scheduler).WithPrice("BTCUSDT", 42_000))));
                services.AddTradingEngine();
            })
            .Build();

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
        var statuses = await engine.GetStatusesAsync();

        Assert.Equal(BreakerState.Isolated, isolated.State);
        Assert.Equal(("binance", 3), (statuses.Single().Exchange, statuses.Single().Settings.FailureThreshold));
        await host.StopAsync();
    }

    [Fact]
    public void A_bad_configuration_value_fails_before_the_host_starts()
    {
        var bad = ConfigurationFactory.ParseString("trading.exchanges.binance.call-timeout = forever");

        var error = Assert.Throws<SettingsException>(() => BuildHost(bad).Services.GetRequiredService<Akka.Actor.ActorSystem>());

        Assert.Equal("trading.exchanges.binance.call-timeout", error.Path);
    }
}
