using System.Diagnostics;
using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Bybit;

/// <summary>The simulator's faults and its rate limit as the Bybit dialect expresses them.</summary>
public sealed class BybitFaultTests
{
    [Fact]
    public async Task APrivateReplyReportsTheRateLimitUsage()
    {
        await using var simulator = await BybitRestTests.StartAsync(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 10 } });
        using var client = new BybitTestClient(simulator.Binance());

        var response = await client.GetAsync("v5/order/realtime", "category=spot");

        Assert.Equal(("10", "9"), (Header(response, "X-Bapi-Limit"), Header(response, "X-Bapi-Limit-Status")));
        Assert.InRange(long.Parse(Header(response, "X-Bapi-Limit-Reset-Timestamp")), BybitTestClient.Now - 60_000, BybitTestClient.Now);
    }

    [Fact]
    public async Task APublicReplyReportsTheUsageItSpentToo()
    {
        await using var simulator = await BybitRestTests.StartAsync(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 10 } });
        using var client = new BybitTestClient(simulator.Binance());

        var response = await client.Http.GetAsync("v5/market/time");

        Assert.Equal(("10", "9"), (Header(response, "X-Bapi-Limit"), Header(response, "X-Bapi-Limit-Status")));
    }

    [Fact]
    public async Task AnOverspentBudgetIs10006WithTheResetTimeAhead()
    {
        await using var simulator = await BybitRestTests.StartAsync(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 1 } });
        using var client = new BybitTestClient(simulator.Binance());
        await (await client.Http.GetAsync("v5/market/time")).ResultAsync();

        var response = await client.PlaceAsync("Buy", "Market", "0.01", orderLinkId: "limited");

        await response.AssertRetCodeAsync(10006);
        Assert.Equal("0", Header(response, "X-Bapi-Limit-Status"));
        Assert.True(long.Parse(Header(response, "X-Bapi-Limit-Reset-Timestamp")) > BybitTestClient.Now - 1000, "the reset is ahead");
    }

    [Fact]
    public async Task AClientThatKeepsCallingWhileLimitedGets403AccessTooFrequent()
    {
        await using var simulator = await BybitRestTests.StartAsync(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 1, BanAfter = 1 } });
        using var client = new BybitTestClient(simulator.Binance());
        await (await client.Http.GetAsync("v5/market/time")).ResultAsync();
        await (await client.Http.GetAsync("v5/market/time")).AssertRetCodeAsync(10006);

        var banned = await client.Http.GetAsync("v5/market/time");

        Assert.Equal((403, "access too frequent"), ((int)banned.StatusCode, await banned.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_403_says_in_Retry_After_when_the_ban_ends()
    {
        await using var simulator = await BybitRestTests.StartAsync(exchange => exchange with
        {
            WeightLimit = new WeightLimitOptions { Budget = 1, BanAfter = 0, BanDuration = TimeSpan.FromSeconds(6) },
        });
        using var client = new BybitTestClient(simulator.Binance());
        await (await client.Http.GetAsync("v5/market/time")).ResultAsync();

        var banned = await client.Http.GetAsync("v5/market/time");

        Assert.Equal((403, TimeSpan.FromSeconds(6)), ((int)banned.StatusCode, banned.Headers.RetryAfter?.Delta));
    }

    [Fact]
    public async Task TheWeightBudgetFaultOverridesTheConfiguredBudget()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { WeightBudget = 1 });
        using var client = new BybitTestClient(simulator.Binance());
        await (await client.Http.GetAsync("v5/market/time")).ResultAsync();

        await (await client.Http.GetAsync("v5/market/time")).AssertRetCodeAsync(10006);
    }

    [Fact]
    public async Task LatencyDelaysTheReply()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Latency = TimeSpan.FromMilliseconds(150) });
        using var client = new BybitTestClient(simulator.Binance());
        var watch = Stopwatch.StartNew();

        await (await client.Http.GetAsync("v5/market/time")).ResultAsync();

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(150), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task AHangingRequestIsNotAnsweredWhileTheExchangeAnswersOthers()
    {
        // A window of a day: the budget spent, which tells the test where the request is, does not reset meanwhile.
        await using var simulator = await BybitRestTests.StartAsync(exchange => exchange with { WeightLimit = new WeightLimitOptions { Window = TimeSpan.FromDays(1) } });
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Hang = 1 });
        using var client = new BybitTestClient(simulator.Binance());
        using var giveUp = new CancellationTokenSource();
        var hanging = client.Http.GetAsync("v5/market/time", giveUp.Token);
        // The gate reads the faults before it spends the budget: once the request has spent its share, it hangs.
        await Eventually.HoldsAsync(() => simulator.Binance().WeightLimiter.Spend(0, null).Used == 1,
            TimeSpan.FromSeconds(5), "the request reaches the gate");

        await simulator.Binance().Faults.ClearAsync();
        await (await client.Http.GetAsync("v5/market/time")).ResultAsync();

        Assert.False(hanging.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);
    }

    [Fact]
    public async Task AnOrderServerErrorBeforeExecutionIs10000AndNothingExecuted()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Order5xx = 1 });
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.PlaceAsync("Buy", "Market", "0.01", orderLinkId: "lost")).AssertRetCodeAsync(10000);

        Assert.Empty((await (await client.QueryAsync("lost")).ResultAsync()).GetProperty("list").EnumerateArray());
    }

    [Fact]
    public async Task AnOrderServerErrorAfterExecutionIs10000ButTheOrderFilled()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Order5xxAfterExecution = 1 });
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.PlaceAsync("Buy", "Market", "0.01", orderLinkId: "ghost")).AssertRetCodeAsync(10000);

        Assert.Equal("Filled", (await (await client.QueryAsync("ghost")).OnlyOrderAsync()).Text("orderStatus"));
    }

    [Fact]
    public async Task AnotherServerErrorIs10016OnEndpointsThatDoNotPlaceOrders()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Other5xx = 1 });
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.Http.GetAsync("v5/market/time")).AssertRetCodeAsync(10016);
        await (await client.PlaceAsync("Buy", "Market", "0.01")).ResultAsync();
    }

    [Fact]
    public async Task AMalformedReplyIs200WithABodyThatIsNotJson()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Malformed = 1 });
        using var client = new BybitTestClient(simulator.Binance());

        for (var reply = 0; reply < 5; reply++)
        {
            var response = await client.Http.GetAsync("v5/market/tickers?category=spot&symbol=BTCUSDT");
            Assert.Equal(200, (int)response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        }
    }

    [Fact]
    public async Task ARefusalIsNotMalformed()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Malformed = 1 });
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.CancelAsync("never-placed")).AssertRetCodeAsync(110001);
    }

    [Fact]
    public async Task AGhostFillExecutesTheOrderAndHoldsItsReply()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { GhostFillDelay = TimeSpan.FromMinutes(5) });
        using var client = new BybitTestClient(simulator.Binance());
        using var giveUp = new CancellationTokenSource();
        var held = client.PostAsync("v5/order/create",
            new { category = "spot", symbol = "BTCUSDT", side = "Buy", orderType = "Market", qty = "0.01", marketUnit = "baseCoin", orderLinkId = "ghost-fill" });

        await Eventually.HoldsAsync(async () => (await (await client.QueryAsync("ghost-fill")).ResultAsync()).GetProperty("list").GetArrayLength() == 1,
            TimeSpan.FromSeconds(5), "the order executes");

        Assert.False(held.IsCompleted);
    }

    [Fact]
    public async Task AnOrderIsAnEmptyListWhileTheQueryLagsBehindIt()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { OrderQueryLag = TimeSpan.FromHours(1) });
        using var client = new BybitTestClient(simulator.Binance());
        await (await client.PlaceAsync("Buy", "Market", "0.01", orderLinkId: "lagging")).ResultAsync();

        Assert.Empty((await (await client.QueryAsync("lagging")).ResultAsync()).GetProperty("list").EnumerateArray());

        await simulator.Binance().Faults.ClearAsync();
        Assert.Equal("Filled", (await (await client.QueryAsync("lagging")).OnlyOrderAsync()).Text("orderStatus"));
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
