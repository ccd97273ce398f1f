using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Hosting;

namespace TradingActors.Tests.Hosting;

/// <summary>The engine reports to the host's health checks: which exchanges can take orders.</summary>
public sealed class EngineHealthCheckSpecs : IAsyncLifetime
{
    private IHost _host = null!;

    private ITradingEngine Engine => _host.Services.GetRequiredService<ITradingEngine>();

    public async ValueTask InitializeAsync()
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            trading.exchanges { binance = {}, bybit = {} }
            trading.orders.sqlite-file = "{{Path.Combine(Path.GetTempPath(), $"trading-health-{Guid.NewGuid():N}", "orders.db")}}"
            """);
        _host = Host.CreateDefaultBuilder()
            .ConfigureServices(services =>
            {
                services.AddAkka("trading-host", akka => akka.WithTradingEngine(config, (system, _) =>
                    ExchangeConnector.Props(new SimulatedExchangeClient(system.Scheduler))));
                services.AddTradingEngine();
                services.AddHealthChecks();
            })
            .Build();
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private async Task<HealthReportEntry> EngineHealth() =>
        (await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[EngineHealthCheck.Name];

    [Fact]
    public async Task The_engine_is_healthy_while_every_exchange_takes_orders()
    {
        var health = await EngineHealth();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal("Closed", health.Data["bybit"]);
    }

    [Fact]
    public async Task The_engine_is_degraded_while_some_exchange_cannot_take_orders_and_says_which()
    {
        await Engine.SendAsync(new CircuitBreaker.Isolate("binance", "maintenance"));

        var health = await EngineHealth();

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal(("Isolated", "Closed"), (health.Data["binance"], health.Data["bybit"]));
        Assert.Contains("binance is Isolated", health.Description);
    }

    [Fact]
    public async Task The_engine_is_unhealthy_when_no_exchange_can_take_orders()
    {
        await Engine.SendAsync(new CircuitBreaker.Isolate("binance", "maintenance"));
        await Engine.SendAsync(new CircuitBreaker.Isolate("bybit", "maintenance"));

        Assert.Equal(HealthStatus.Unhealthy, (await EngineHealth()).Status);
    }
}
