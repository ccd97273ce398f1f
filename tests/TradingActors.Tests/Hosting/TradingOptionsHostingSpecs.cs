using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Hosting;

namespace TradingActors.Tests.Hosting;

/// <summary>A trading host embeds the engine configured in code, or from its own configuration, instead of HOCON (issue 13).</summary>
public sealed class TradingOptionsHostingSpecs
{
    /// <summary>A ledger file of the host's own, a real SQLite file in a temporary folder.</summary>
    private static string OwnLedgerFile() => Path.Combine(Path.GetTempPath(), $"trading-host-{Guid.NewGuid():N}", "orders.db");

    private static Props SimulatedExchange(ActorSystem system, string exchange) =>
        ExchangeConnector.Props(new SimulatedExchangeClient(system.Scheduler).WithPrice("BTCUSDT", 42_000));

    private static void Quiet(AkkaConfigurationBuilder akka) => akka.ConfigureLoggers(loggers => loggers.LogLevel = LogLevel.WarningLevel);

    [Fact]
    public async Task A_generic_host_with_the_engine_configured_in_code_places_an_order_through_the_facade()
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureServices(services =>
            {
                services.AddAkka("trading-host", akka =>
                {
                    Quiet(akka);
                    akka.WithTradingEngine(options =>
                    {
                        options.Exchange("binance", binance => binance.FailureThreshold = 3);
                        options.Orders.SqliteFile = OwnLedgerFile();
                    }, SimulatedExchange);
                });
                services.AddTradingEngine();
            })
            .Build();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();

        var reply = await engine.PlaceOrderAsync(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.1m, null, "options-1"));

        Assert.Equal(OrderState.Filled, Assert.IsType<OrderPlaced>(reply).Report.State);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_generic_host_configures_the_engine_from_the_trading_section_of_its_own_configuration()
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Trading:Exchanges:binance:FailureThreshold"] = "3",
                ["Trading:Orders:SqliteFile"] = OwnLedgerFile(),
            }))
            .ConfigureServices((context, services) =>
            {
                services.AddAkka("trading-host", akka =>
                {
                    Quiet(akka);
                    akka.WithTradingEngine(context.Configuration.GetSection("Trading"), SimulatedExchange);
                });
                services.AddTradingEngine();
            })
            .Build();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();

        await engine.GetPriceAsync(new GetPrice("binance", "BTCUSDT"));
        var binance = await engine.GetStatusAsync("binance");

        Assert.Equal(3, binance.Settings.FailureThreshold);
        await host.StopAsync();
    }
}
