using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Bybit;

/// <summary>The simulator's Bybit v5 REST dialect: its replies and the market's refusals in Bybit's codes.</summary>
public sealed class BybitRestTests
{
    internal static Task<ExchangeSimulator> StartAsync(Func<ExchangeOptions, ExchangeOptions>? configure = null) =>
        TestSimulator.StartAsync(exchange => (configure ?? (e => e))(exchange with { Dialect = ExchangeDialect.Bybit }));

    [Fact]
    public async Task TheServerTimeIsInBybitsEnvelope()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        var response = await client.Http.GetAsync("v5/market/time");
        var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal((0, "OK", JsonValueKind.Object), (reply.GetProperty("retCode").GetInt32(), reply.Text("retMsg"), reply.GetProperty("retExtInfo").ValueKind));
        var seconds = long.Parse(reply.GetProperty("result").Text("timeSecond"));
        Assert.InRange(reply.GetProperty("time").GetInt64() / 1000 - seconds, 0, 1);
    }

    [Fact]
    public async Task ATickerQuotesTheLastPriceAsAString()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        var result = await (await client.Http.GetAsync("v5/market/tickers?category=spot&symbol=BTCUSDT")).ResultAsync();

        var ticker = Assert.Single(result.GetProperty("list").EnumerateArray().ToList());
        Assert.Equal(("spot", "BTCUSDT", 42000m), (result.Text("category"), ticker.Text("symbol"), ticker.Amount("lastPrice")));
    }

    [Fact]
    public async Task AnUnknownSymbolIsAParameterError()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        var message = await (await client.Http.GetAsync("v5/market/tickers?category=spot&symbol=NOPEUSDT")).AssertRetCodeAsync(10001);

        Assert.Contains("symbol", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreatingAnOrderAnswersOnlyItsIds()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        var result = await (await client.PlaceAsync("Buy", "Market", "0.01", orderLinkId: "ids-only")).ResultAsync();

        Assert.Equal(["orderId", "orderLinkId"], result.EnumerateObject().Select(field => field.Name));
        Assert.Equal("ids-only", result.Text("orderLinkId"));
    }

    [Fact]
    public async Task AFilledMarketOrderReadsBackWithItsExecutedQuantityAndValue()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());
        await (await client.PlaceAsync("Buy", "Market", "0.01", orderLinkId: "filled")).ResultAsync();

        var order = await (await client.QueryAsync("filled")).OnlyOrderAsync();

        Assert.Equal(("Filled", "Buy", 0.01m, 0.01m * 42000m), (order.Text("orderStatus"), order.Text("side"), order.Amount("cumExecQty"), order.Amount("cumExecValue")));
    }

    [Fact]
    public async Task AMarketBuyWithoutMarketUnitSpendsItsQtyInTheQuoteCoin()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());
        await (await client.PlaceAsync("Buy", "Market", "420", orderLinkId: "quote", marketUnit: null)).ResultAsync();

        var order = await (await client.QueryAsync("quote")).OnlyOrderAsync();

        Assert.Equal((0.01m, 420m), (order.Amount("cumExecQty"), order.Amount("cumExecValue")));
    }

    [Fact]
    public async Task AnOrderItDoesNotKnowIsAnEmptyList()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        var result = await (await client.QueryAsync("never-placed")).ResultAsync();

        Assert.Empty(result.GetProperty("list").EnumerateArray());
    }

    [Fact]
    public async Task WithoutAnOrderIdTheOpenOrdersAreListedAPageAtATime()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());
        foreach (var id in new[] { "rest-1", "rest-2", "rest-3" })
            await (await client.PlaceAsync("Buy", "Limit", "0.01", price: "1000", orderLinkId: id)).ResultAsync();

        var first = await (await client.GetAsync("v5/order/realtime", "category=spot&limit=2")).ResultAsync();
        var second = await (await client.GetAsync("v5/order/realtime", $"category=spot&limit=2&cursor={first.Text("nextPageCursor")}")).ResultAsync();

        Assert.Equal(["rest-1", "rest-2"], first.GetProperty("list").EnumerateArray().Select(order => order.Text("orderLinkId")));
        Assert.Equal(["rest-3"], second.GetProperty("list").EnumerateArray().Select(order => order.Text("orderLinkId")));
        Assert.Equal("", second.Text("nextPageCursor"));
    }

    [Fact]
    public async Task ACancelledOrderReadsBackCancelledAndLeavesTheOpenOrders()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());
        await (await client.PlaceAsync("Buy", "Limit", "0.01", price: "1000", orderLinkId: "to-cancel")).ResultAsync();

        Assert.Equal("to-cancel", (await (await client.CancelAsync("to-cancel")).ResultAsync()).Text("orderLinkId"));

        Assert.Equal("Cancelled", (await (await client.QueryAsync("to-cancel")).OnlyOrderAsync()).Text("orderStatus"));
        Assert.Empty((await (await client.GetAsync("v5/order/realtime", "category=spot")).ResultAsync()).GetProperty("list").EnumerateArray());
    }

    [Fact]
    public async Task CancellingAnOrderItDoesNotKnowIs110001()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.CancelAsync("never-placed")).AssertRetCodeAsync(110001);
    }

    [Fact]
    public async Task AnOrderTheAccountCannotAffordIs110007()
    {
        var poor = AccountOptions.Default with { Balances = new Dictionary<string, decimal> { ["USDT"] = 1m, ["BTC"] = 0m } };
        await using var simulator = await StartAsync(exchange => exchange with { Accounts = [poor] });
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.PlaceAsync("Buy", "Market", "0.01")).AssertRetCodeAsync(110007);
    }

    [Fact]
    public async Task ASecondOpenOrderWithTheSameOrderLinkIdIs110072()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());
        await (await client.PlaceAsync("Buy", "Limit", "0.01", price: "1000", orderLinkId: "twice")).ResultAsync();

        await (await client.PlaceAsync("Buy", "Limit", "0.01", price: "1000", orderLinkId: "twice")).AssertRetCodeAsync(110072);
    }

    [Fact]
    public async Task AnOrderOfAnotherCategoryIsAParameterError()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.PostAsync("v5/order/create", new { category = "linear", symbol = "BTCUSDT", side = "Buy", orderType = "Market", qty = "0.01" }))
            .AssertRetCodeAsync(10001);
    }

    [Fact]
    public async Task TheBinancePathsAreNotServed()
    {
        await using var simulator = await StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        Assert.Equal(404, (int)(await client.Http.GetAsync("api/v3/ping")).StatusCode);
    }
}
