using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using TradingActors.Examples;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.IntegrationTests.Examples;

/// <summary>The example host (examples/TradingActors.ExampleHost) as it runs, against the simulator over HTTP.</summary>
public sealed class ExampleHostSpecs : IAsyncLifetime
{
    private ExchangeSimulator _simulator = null!;
    private WebApplication _host = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Exchanges = [new ExchangeOptions("binance")] });
        // What appsettings.json says, but for a free port, this simulator, and a ledger file of its own.
        _host = ExampleHost.Build([
            "--urls", "http://127.0.0.1:0",
            $"--Trading:Exchanges:binance:Endpoint:Url={_simulator.Exchanges["binance"].BaseAddress}",
            $"--Trading:Orders:SqliteFile={Path.Combine(Path.GetTempPath(), $"example-host-{Guid.NewGuid():N}", "orders.db")}",
        ]);
        await _host.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_host.Urls.First()), Timeout = TimeSpan.FromSeconds(15) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task An_order_posted_to_the_example_is_placed_through_the_engine_and_answered_with_its_state()
    {
        using var response = await _http.PostAsJsonAsync("/orders", new { exchange = "binance", symbol = "BTCUSDT", side = "Buy", quantity = 0.001m });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Filled", answer.RootElement.GetProperty("state").GetString());
        Assert.Equal(32, answer.RootElement.GetProperty("clientOrderId").GetString()!.Length);
    }

    [Fact]
    public async Task The_example_s_health_is_the_engine_s()
    {
        using var response = await _http.GetAsync("/health");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_example_s_metrics_count_the_engine_s_requests()
    {
        (await _http.GetAsync("/prices/binance/BTCUSDT")).EnsureSuccessStatusCode();

        Assert.Contains("trading_requests_total{", await _http.GetStringAsync("/metrics"));
    }
}
