using System.Net;
using System.Text.Json;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests.Http;

public sealed class StatusEndpointSpecs : RunningNode
{
    [Fact]
    public async Task Status_answers_every_breakers_summary_with_readable_states()
    {
        using var response = await Http.GetAsync("/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var exchanges = json.RootElement.GetProperty("exchanges").EnumerateArray().ToList();
        Assert.Equal(["binance", "bybit", "kraken"], exchanges.Select(e => e.GetProperty("exchange").GetString()));
        Assert.All(exchanges, e => Assert.Equal("Closed", e.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Status_of_one_exchange_answers_its_breaker_in_detail_with_readable_times()
    {
        using var response = await Http.GetAsync("/status/binance");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("binance", json.RootElement.GetProperty("exchange").GetString());
        Assert.Equal("00:00:02", json.RootElement.GetProperty("settings").GetProperty("callTimeout").GetString());
    }

    [Fact]
    public async Task Status_of_an_exchange_that_is_not_configured_is_404()
    {
        using var response = await Http.GetAsync("/status/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Status_answers_every_feeds_snapshot_with_the_simulators_real_address()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/status"));

        var feed = Assert.Single(json.RootElement.GetProperty("feeds").EnumerateArray());
        Assert.Equal("binance", feed.GetProperty("exchange").GetString());
        Assert.DoesNotContain(":28081", feed.GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task Status_counts_the_order_ledger_s_orders_per_exchange_the_trader_has_sent_to()
    {
        // The trader places its first orders within a few ticks of the start.
        var orders = new List<JsonElement>();
        for (var attempt = 0; attempt < 100 && orders.Count == 0; attempt++)
        {
            using var json = JsonDocument.Parse(await Http.GetStringAsync("/status"));
            orders = [.. json.RootElement.GetProperty("orders").EnumerateArray().Select(o => o.Clone())];
            if (orders.Count == 0)
                await Task.Delay(50);
        }

        Assert.NotEmpty(orders);
        Assert.All(orders, o => Assert.Equal(0, o.GetProperty("needsAttention").GetInt32()));
    }
}
