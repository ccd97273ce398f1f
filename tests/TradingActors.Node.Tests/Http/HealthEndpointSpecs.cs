using System.Net;
using System.Text.Json;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests.Http;

public sealed class HealthEndpointSpecs : RunningNode
{
    [Fact]
    public async Task Health_is_200_while_an_exchange_can_take_orders()
    {
        using var response = await Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, json.RootElement.GetProperty("canTakeOrders").GetArrayLength());
    }

    [Fact]
    public async Task Health_turns_503_when_every_exchange_is_isolated_and_says_which_cannot_take_orders()
    {
        foreach (var exchange in new[] { "binance", "bybit", "kraken" })
            (await Admin(exchange, "isolate", TestConfigs.AdminToken)).EnsureSuccessStatusCode();

        using var response = await Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, json.RootElement.GetProperty("canTakeOrders").GetArrayLength());
        Assert.Equal("Isolated", json.RootElement.GetProperty("cannotTakeOrders").GetProperty("kraken").GetString());
    }
}
