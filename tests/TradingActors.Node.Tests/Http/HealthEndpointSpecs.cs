using System.Net;
using System.Text.Json;
using TradingActors.Hosting;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests.Http;

/// <summary>GET /health is the host's health checks, the engine's among them.</summary>
public sealed class HealthEndpointSpecs : RunningNode
{
    private async Task<(HttpStatusCode Status, JsonElement Engine)> Health()
    {
        using var response = await Http.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.GetProperty("checks").GetProperty(EngineHealthCheck.Name).Clone());
    }

    [Fact]
    public async Task Health_is_200_and_healthy_while_every_exchange_can_take_orders()
    {
        var (status, engine) = await Health();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", engine.GetProperty("status").GetString());
        Assert.Equal("Closed", engine.GetProperty("data").GetProperty("kraken").GetString());
    }

    [Fact]
    public async Task Health_stays_200_but_degraded_while_an_exchange_is_isolated_and_says_which()
    {
        (await Admin("kraken", "isolate", TestConfigs.AdminToken)).EnsureSuccessStatusCode();

        var (status, engine) = await Health();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", engine.GetProperty("status").GetString());
        Assert.Equal("Isolated", engine.GetProperty("data").GetProperty("kraken").GetString());
    }

    [Fact]
    public async Task Health_turns_503_when_every_exchange_is_isolated()
    {
        foreach (var exchange in new[] { "binance", "bybit", "kraken" })
            (await Admin(exchange, "isolate", TestConfigs.AdminToken)).EnsureSuccessStatusCode();

        var (status, engine) = await Health();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", engine.GetProperty("status").GetString());
    }
}
