using System.Net;
using System.Text.Json;
using TradingActors.Breaker;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests.Http;

public sealed class AdminEndpointSpecs : RunningNode
{
    [Fact]
    public async Task Isolate_without_a_token_is_401_and_leaves_the_breaker_alone()
    {
        using var response = await Admin("binance", "isolate", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(BreakerState.Closed, await StateOf("binance"));
    }

    [Fact]
    public async Task Isolate_with_a_wrong_token_is_401()
    {
        using var response = await Admin("binance", "isolate", token: "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(BreakerState.Closed, await StateOf("binance"));
    }

    [Fact]
    public async Task Isolate_with_the_token_isolates_the_breaker_and_reset_closes_it()
    {
        using var isolated = await Admin("binance", "isolate", TestConfigs.AdminToken);
        Assert.Equal(HttpStatusCode.OK, isolated.StatusCode);
        Assert.Equal(BreakerState.Isolated, await StateOf("binance"));

        using var reset = await Admin("binance", "reset", TestConfigs.AdminToken);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(BreakerState.Closed, await StateOf("binance"));
    }

    [Fact]
    public async Task A_command_for_an_exchange_that_is_not_configured_is_404()
    {
        using var response = await Admin("nowhere", "isolate", TestConfigs.AdminToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<BreakerState> StateOf(string exchange)
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/status"));
        var status = json.RootElement.GetProperty("exchanges").EnumerateArray().Single(e => e.GetProperty("exchange").GetString() == exchange);
        return Enum.Parse<BreakerState>(status.GetProperty("state").GetString()!);
    }
}
