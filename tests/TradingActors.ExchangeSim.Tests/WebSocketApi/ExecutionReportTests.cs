using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.WebSocketApi;

public sealed class ExecutionReportTests
{
    [Fact]
    public async Task MarketOrderPlacedOverRestIsReportedNewThenFilledByItsTrade()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var events = await UserDataClient.SubscribedAsync(simulator.Binance());
        using var rest = new BinanceClient(simulator.Binance());

        var placed = await (await rest.PlaceAsync("BUY", "MARKET", "0.01234", clientOrderId: "market-1")).SuccessJsonAsync();

        var (accepted, filled) = (Report(await events.NextEventAsync()), Report(await events.NextEventAsync()));
        var fill = placed.GetProperty("fills")[0];
        Assert.Equal(("executionReport", "BTCUSDT", "market-1", "BUY", "MARKET"),
            (accepted.Text("e"), accepted.Text("s"), accepted.Text("c"), accepted.Text("S"), accepted.Text("o")));
        Assert.Equal(("NEW", "NEW", -1L, 0m, null), (accepted.Text("x"), accepted.Text("X"), accepted.GetProperty("t").GetInt64(), accepted.Amount("z"), accepted.GetProperty("N").GetString()));
        Assert.Equal(("TRADE", "FILLED", "market-1"), (filled.Text("x"), filled.Text("X"), filled.Text("c")));
        Assert.Equal(placed.GetProperty("orderId").GetInt64(), filled.GetProperty("i").GetInt64());
        Assert.Equal(fill.GetProperty("tradeId").GetInt64(), filled.GetProperty("t").GetInt64());
        Assert.Equal("0.01234000", filled.Text("q"));
        Assert.Equal((0.01234m, 0.01234m, fill.Amount("price")), (filled.Amount("l"), filled.Amount("z"), filled.Amount("L")));
        Assert.Equal(placed.Amount("cummulativeQuoteQty"), filled.Amount("Z"));
        Assert.Equal(("BTC", false), (filled.Text("N"), filled.GetProperty("m").GetBoolean()));
        Assert.True(filled.GetProperty("I").GetInt64() > accepted.GetProperty("I").GetInt64());
    }

    [Fact]
    public async Task TradeIdsOfSuccessiveFillsIncreaseAndAreTheOnesTheRestRepliesGive()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var events = await UserDataClient.SubscribedAsync(simulator.Binance());
        using var rest = new BinanceClient(simulator.Binance());

        var first = await (await rest.PlaceAsync("BUY", "MARKET", "0.01000")).SuccessJsonAsync();
        simulator.Binance().Tick(3);
        var second = await (await rest.PlaceAsync("SELL", "MARKET", "0.01000")).SuccessJsonAsync();

        var reports = new List<JsonElement>();
        for (var frame = 0; frame < 4; frame++)
            reports.Add(Report(await events.NextEventAsync()));
        var trades = reports.Where(report => report.Text("x") == "TRADE").Select(report => report.GetProperty("t").GetInt64()).ToList();
        Assert.Equal([TradeId(first), TradeId(second)], trades);
        Assert.True(trades[1] > trades[0]);
    }

    [Fact]
    public async Task RestingOrderIsReportedNewThenFilledWhenThePriceWalkCrossesIt()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        using var events = await UserDataClient.SubscribedAsync(exchange);
        using var rest = new BinanceClient(exchange);
        var limit = decimal.Round(await rest.PriceAsync() * 0.999m, 2);

        (await rest.PlaceAsync("BUY", "LIMIT", "0.01000", price: limit.ToString("F2"), clientOrderId: "resting")).EnsureSuccessStatusCode();
        var accepted = Report(await events.NextEventAsync());
        Assert.Equal(("NEW", "NEW", true), (accepted.Text("x"), accepted.Text("X"), accepted.GetProperty("w").GetBoolean()));
        for (var steps = 0; await rest.PriceAsync() > limit; steps++)
        {
            Assert.True(steps < 10_000, "the walk never reached the limit");
            exchange.Tick();
        }

        var filled = Report(await events.NextEventAsync());
        Assert.Equal(("TRADE", "FILLED", "resting"), (filled.Text("x"), filled.Text("X"), filled.Text("c")));
        Assert.Equal((0.01m, limit, 0.01m * limit), (filled.Amount("l"), filled.Amount("L"), filled.Amount("Z")));
        Assert.Equal((true, false), (filled.GetProperty("m").GetBoolean(), filled.GetProperty("w").GetBoolean()));
        Assert.True(filled.GetProperty("t").GetInt64() > 0);
        Assert.True(filled.GetProperty("T").GetInt64() >= accepted.GetProperty("T").GetInt64());
    }

    [Fact]
    public async Task CancelIsReportedUnderTheCancelRequestsIdWithTheOrdersIdAsTheOriginal()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var events = await UserDataClient.SubscribedAsync(simulator.Binance());
        using var rest = new BinanceClient(simulator.Binance());
        (await rest.PlaceAsync("SELL", "LIMIT", "0.01000", price: "99999.00", clientOrderId: "to-cancel")).EnsureSuccessStatusCode();
        var accepted = Report(await events.NextEventAsync());

        var canceled = await (await rest.SignedAsync(HttpMethod.Delete, "api/v3/order",
            ("symbol", "BTCUSDT"), ("origClientOrderId", "to-cancel"), ("newClientOrderId", "cancel-1"))).SuccessJsonAsync();

        var report = Report(await events.NextEventAsync());
        Assert.Equal(("CANCELED", "CANCELED"), (report.Text("x"), report.Text("X")));
        Assert.Equal(("cancel-1", "to-cancel"), (report.Text("c"), report.Text("C")));
        Assert.Equal(canceled.Text("clientOrderId"), report.Text("c"));
        Assert.Equal(accepted.GetProperty("i").GetInt64(), report.GetProperty("i").GetInt64());
        Assert.Equal((-1L, 0m), (report.GetProperty("t").GetInt64(), report.Amount("z")));
    }

    [Fact]
    public async Task ImmediateOrCancelLimitThatCannotFillIsReportedNewThenExpired()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var events = await UserDataClient.SubscribedAsync(simulator.Binance());
        using var rest = new BinanceClient(simulator.Binance());

        (await rest.SignedAsync(HttpMethod.Post, "api/v3/order", ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"),
            ("timeInForce", "IOC"), ("quantity", "0.01000"), ("price", "1000.00"), ("newClientOrderId", "ioc-1"))).EnsureSuccessStatusCode();

        var (accepted, expired) = (Report(await events.NextEventAsync()), Report(await events.NextEventAsync()));
        Assert.Equal(("NEW", "IOC"), (accepted.Text("x"), accepted.Text("f")));
        Assert.Equal(("EXPIRED", "EXPIRED", "ioc-1"), (expired.Text("x"), expired.Text("X"), expired.Text("c")));
    }

    [Fact]
    public async Task GhostFilledOrderIsReportedFilledWhileItsRestReplyIsHeldBack()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { GhostFillDelay = TimeSpan.FromSeconds(30) });
        using var events = await UserDataClient.SubscribedAsync(simulator.Binance());
        using var rest = new BinanceClient(simulator.Binance());

        var placing = rest.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "ghost-fill");

        var (accepted, filled) = (Report(await events.NextEventAsync()), Report(await events.NextEventAsync()));
        Assert.False(placing.IsCompleted, "the reply was not held back");
        Assert.Equal(("NEW", "ghost-fill"), (accepted.Text("x"), accepted.Text("c")));
        Assert.Equal(("TRADE", "FILLED", "ghost-fill", 0.01m), (filled.Text("x"), filled.Text("X"), filled.Text("c"), filled.Amount("z")));
        rest.Http.CancelPendingRequests();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => placing);
    }

    [Fact]
    public async Task EventsGoOnlyToTheSubscriptionOfTheOrdersAccount()
    {
        var other = new AccountOptions("other-key", "other-secret");
        await using var simulator = await TestSimulator.StartAsync(exchange => exchange with { Accounts = [AccountOptions.Default, other] });
        using var events = await UserDataClient.ConnectAsync(simulator.Binance());
        await events.SubscribeAsync();
        await events.SubscribeAsync(other);
        using var rest = new BinanceClient(simulator.Binance(), account: other);

        (await rest.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "other-order")).EnsureSuccessStatusCode();

        var frame = await events.NextEventAsync();
        Assert.Equal(1, frame.GetProperty("subscriptionId").GetInt32());
        Assert.Equal("other-order", Report(frame).Text("c"));
    }

    [Fact]
    public async Task UnsubscribeEndsTheStreamWithEventStreamTerminatedAndNoEventFollows()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var events = await UserDataClient.SubscribedAsync(simulator.Binance());
        using var rest = new BinanceClient(simulator.Binance());

        var reply = await events.RequestAsync("userDataStream.unsubscribe", new() { ["subscriptionId"] = 0 });

        Assert.Equal((200, "{}"), (reply.GetProperty("status").GetInt32(), reply.GetProperty("result").GetRawText()));
        var terminated = await events.NextEventAsync();
        Assert.Equal(0, terminated.GetProperty("subscriptionId").GetInt32());
        Assert.Equal("eventStreamTerminated", terminated.GetProperty("event").Text("e"));
        (await rest.PlaceAsync("BUY", "MARKET", "0.01000")).EnsureSuccessStatusCode();
        await events.AssertNoEventSentAsync();
    }

    private static JsonElement Report(JsonElement frame)
    {
        var report = frame.GetProperty("event");
        Assert.Equal("executionReport", report.Text("e"));
        return report;
    }

    private static long TradeId(JsonElement placed) => placed.GetProperty("fills")[0].GetProperty("tradeId").GetInt64();
}
