using System.Net.Http.Headers;
using System.Text;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Faults;

public sealed class AdminEndpointTests
{
    [Fact]
    public async Task AdminEndpointWithoutTheTokenAnswers401()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new HttpClient { BaseAddress = simulator.Binance().BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess");

        var response = await client.PostAsync("admin/faults", Json("""{"outage": true}"""));

        Assert.Equal(401, (int)response.StatusCode);
        Assert.False(simulator.Binance().Faults.Current.Outage);
    }

    [Fact]
    public async Task AdminPostPutsTheFaultsInForceAndGetShowsThem()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = AdminClient(simulator);

        (await client.PostAsync("admin/faults", Json("""{"latency": "800ms", "order-5xx": 0.25, "ws-stall": true}"""))).EnsureSuccessStatusCode();

        Assert.Equal(new FaultSettings { Latency = TimeSpan.FromMilliseconds(800), Order5xx = 0.25, WsStall = true }, simulator.Binance().Faults.Current);
        var shown = await (await client.GetAsync("admin/faults")).SuccessJsonAsync();
        Assert.Equal("800ms", shown.Text("latency"));
        Assert.Equal(0.25, shown.GetProperty("order-5xx").GetDouble());
        Assert.True(shown.GetProperty("ws-stall").GetBoolean());
    }

    [Fact]
    public async Task AdminPostSetsTheUserDataFaultsAndGetShowsThem()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = AdminClient(simulator);

        (await client.PostAsync("admin/faults", Json("""{"user-data-drop": true, "user-data-stall": true}"""))).EnsureSuccessStatusCode();

        Assert.Equal(new FaultSettings { UserDataDrop = true, UserDataStall = true }, simulator.Binance().Faults.Current);
        var shown = await (await client.GetAsync("admin/faults")).SuccessJsonAsync();
        Assert.True(shown.GetProperty("user-data-drop").GetBoolean() && shown.GetProperty("user-data-stall").GetBoolean());
    }

    [Fact]
    public async Task AdminDeleteClearsTheFaults()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Hang = 1 });
        using var client = AdminClient(simulator);

        (await client.DeleteAsync("admin/faults")).EnsureSuccessStatusCode();

        Assert.Equal(FaultSettings.None, simulator.Binance().Faults.Current);
    }

    [Fact]
    public async Task AdminPostWithABadValueAnswers400NamingTheKeyAndTheValue()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = AdminClient(simulator);

        var response = await client.PostAsync("admin/faults", Json("""{"hang": 2}"""));

        Assert.Equal(400, (int)response.StatusCode);
        var error = (await response.JsonAsync()).Text("error");
        Assert.StartsWith("hang = 2: ", error);
    }

    [Fact]
    public async Task AdminPostWithAHugeUnknownKeyEchoesItCutShortWithAnEllipsis()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = AdminClient(simulator);
        var key = new string('k', 1_000_000);

        var response = await client.PostAsync("admin/faults", Json($$"""{"{{key}}": 1}"""));

        Assert.Equal(400, (int)response.StatusCode);
        var error = (await response.JsonAsync()).Text("error");
        Assert.StartsWith(new string('k', 40) + "\u2026", error);
        Assert.InRange(error.Length, 1, 1000);
    }

    [Fact]
    public async Task AdminPostWithAHugeValueEchoesItCutShortWithAnEllipsis()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = AdminClient(simulator);
        var value = new string('9', 1_000_000);

        var response = await client.PostAsync("admin/faults", Json($$"""{"latency": "{{value}}ms"}"""));

        Assert.Equal(400, (int)response.StatusCode);
        var error = (await response.JsonAsync()).Text("error");
        Assert.StartsWith("latency = " + new string('9', 40), error);
        Assert.Contains("expected a duration", error);
        Assert.InRange(error.Length, 1, 1000);
    }

    [Fact]
    public async Task AdminPostThatIsNotHoconCutsShortTheLineItQuotes()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = AdminClient(simulator);

        var response = await client.PostAsync("admin/faults", Json("latency { }, " + new string('x', 1_000_000)));

        Assert.Equal(400, (int)response.StatusCode);
        var error = (await response.JsonAsync()).Text("error");
        Assert.StartsWith("the request body: is not HOCON that Akka can read", error);
        Assert.InRange(error.Length, 1, 1000);
    }

    [Fact]
    public async Task AdminOutageWithADurationClosesThePortAndReopensItAfterwards()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = AdminClient(simulator);

        (await client.PostAsync("admin/faults", Json("""{"outage": true, "duration": "300ms"}"""))).EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(async () => !await IsUpAsync(simulator), TimeSpan.FromSeconds(5), "the port closes");
        await Eventually.HoldsAsync(() => IsUpAsync(simulator), TimeSpan.FromSeconds(5), "the port reopens");
    }

    private static HttpClient AdminClient(ExchangeSimulator simulator)
    {
        var client = new HttpClient { BaseAddress = simulator.Binance().BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", simulator.AdminToken);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    // A fresh client each time: a pooled connection would hide whether the port accepts new ones.
    private static async Task<bool> IsUpAsync(ExchangeSimulator simulator)
    {
        using var client = new HttpClient { BaseAddress = simulator.Binance().BaseAddress };
        try
        {
            return (await client.GetAsync("api/v3/ping")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
