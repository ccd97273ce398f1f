using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Trading;

public sealed class OrderMatchingTests
{
    [Fact]
    public async Task MarketOrderFillsAtOnceAtTheCurrentPrice()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        var price = await client.PriceAsync();

        var order = await (await client.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "market-1")).SuccessJsonAsync();

        Assert.Equal("FILLED", order.Text("status"));
        Assert.Equal("market-1", order.Text("clientOrderId"));
        Assert.Equal(-1, order.GetProperty("orderListId").GetInt32());
        Assert.Equal(0.01m, order.Amount("executedQty"));
        Assert.Equal(0.01m * price, order.Amount("cummulativeQuoteQty"));
        Assert.Equal(price, order.GetProperty("fills")[0].Amount("price"));
    }

    [Fact]
    public async Task LimitOrderRestsUntilThePriceCrossesItThenFills()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        using var client = new BinanceClient(exchange);
        var limit = decimal.Round(await client.PriceAsync() * 0.999m, 2);

        var placed = await (await client.PlaceAsync("BUY", "LIMIT", "0.01000", price: limit.ToString("F2"), clientOrderId: "limit-1")).SuccessJsonAsync();
        Assert.Equal("NEW", placed.Text("status"));

        for (var steps = 0; await client.PriceAsync() > limit; steps++)
        {
            Assert.Equal("NEW", (await (await client.QueryAsync("limit-1")).SuccessJsonAsync()).Text("status"));
            Assert.True(steps < 10_000, "the walk never reached the limit");
            exchange.Tick();
        }

        var filled = await (await client.QueryAsync("limit-1")).SuccessJsonAsync();
        Assert.Equal("FILLED", filled.Text("status"));
        Assert.Equal(0.01m * limit, filled.Amount("cummulativeQuoteQty"));
    }

    [Fact]
    public async Task OrderTheAccountCannotAffordIsRefusedWithInsufficientBalance()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.PlaceAsync("BUY", "MARKET", "100.00000");

        await response.AssertErrorAsync(400, -2010, "Account has insufficient balance for requested action.");
    }

    [Fact]
    public async Task RestingOrderLocksItsFundsUntilItIsCancelled()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        var (free, _) = await client.BalanceAsync("USDT");
        var price = decimal.Round(await client.PriceAsync() * 0.5m, 2);
        var quantity = decimal.Round(free * 0.9m / price, 5);

        (await client.PlaceAsync("BUY", "LIMIT", quantity.ToString("F5"), price: price.ToString("F2"), clientOrderId: "big")).EnsureSuccessStatusCode();
        Assert.Equal((free - quantity * price, quantity * price), await client.BalanceAsync("USDT"));
        await (await client.PlaceAsync("BUY", "LIMIT", quantity.ToString("F5"), price: price.ToString("F2"))).AssertErrorAsync(400, -2010);

        (await client.CancelAsync("big")).EnsureSuccessStatusCode();
        Assert.Equal((free, 0m), await client.BalanceAsync("USDT"));
        (await client.PlaceAsync("BUY", "LIMIT", quantity.ToString("F5"), price: price.ToString("F2"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ClientOrderIdOfAnOpenOrderIsRefusedAsDuplicate()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        (await client.PlaceAsync("BUY", "LIMIT", "0.01000", price: "1000.00", clientOrderId: "same")).EnsureSuccessStatusCode();

        var response = await client.PlaceAsync("BUY", "LIMIT", "0.01000", price: "1000.00", clientOrderId: "same");

        await response.AssertErrorAsync(400, -2010, "Duplicate order sent.");
    }

    [Fact]
    public async Task ClientOrderIdOfAFilledOrderMayBeReused()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        var first = await (await client.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "again")).SuccessJsonAsync();

        var second = await (await client.PlaceAsync("SELL", "MARKET", "0.01000", clientOrderId: "again")).SuccessJsonAsync();

        Assert.Equal("FILLED", second.Text("status"));
        Assert.NotEqual(first.GetProperty("orderId").GetInt64(), second.GetProperty("orderId").GetInt64());
        Assert.Equal("SELL", (await (await client.QueryAsync("again")).SuccessJsonAsync()).Text("side"));
    }

    [Fact]
    public async Task CancelAnswersTheOrderAsCanceledWithItsOriginalClientOrderId()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        (await client.PlaceAsync("SELL", "LIMIT", "0.01000", price: "99999.00", clientOrderId: "to-cancel")).EnsureSuccessStatusCode();

        var canceled = await (await client.CancelAsync("to-cancel")).SuccessJsonAsync();

        Assert.Equal("CANCELED", canceled.Text("status"));
        Assert.Equal("to-cancel", canceled.Text("origClientOrderId"));
        Assert.Equal("CANCELED", (await (await client.QueryAsync("to-cancel")).SuccessJsonAsync()).Text("status"));
    }

    [Fact]
    public async Task CancellingAnOrderThatIsNoLongerOpenAnswersUnknownOrderSent()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        (await client.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "filled")).EnsureSuccessStatusCode();

        await (await client.CancelAsync("filled")).AssertErrorAsync(400, -2011, "Unknown order sent.");
        await (await client.CancelAsync("never-placed")).AssertErrorAsync(400, -2011, "Unknown order sent.");
    }

    [Fact]
    public async Task QueryingAnOrderThatWasNeverPlacedAnswersOrderDoesNotExist()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.QueryAsync("never-placed");

        await response.AssertErrorAsync(400, -2013, "Order does not exist.");
    }

    [Fact]
    public async Task OpenOrdersListsTheRestingOrdersOnly()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        (await client.PlaceAsync("BUY", "LIMIT", "0.01000", price: "1000.00", clientOrderId: "resting")).EnsureSuccessStatusCode();
        (await client.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "filled")).EnsureSuccessStatusCode();

        var open = await (await client.SignedAsync(HttpMethod.Get, "api/v3/openOrders")).SuccessJsonAsync();

        Assert.Equal(["resting"], open.EnumerateArray().Select(order => order.Text("clientOrderId")));
    }

    [Fact]
    public async Task QuantityOffTheLotSizeIsRefusedAsFilterFailure()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.PlaceAsync("BUY", "MARKET", "0.000001");

        await response.AssertErrorAsync(400, -1013, "Filter failure: LOT_SIZE");
    }

    [Fact]
    public async Task SameSeedAndNumberOfStepsGiveTheSamePrices()
    {
        await using var first = await TestSimulator.StartAsync();
        await using var second = await TestSimulator.StartAsync();
        await using var otherSeed = await ExchangeSimulator.StartAsync(TestSimulator.Options() with { Seed = 7 });
        using var firstClient = new BinanceClient(first.Binance());
        using var secondClient = new BinanceClient(second.Binance());
        using var otherClient = new BinanceClient(otherSeed.Binance());

        foreach (var simulator in new[] { first, second, otherSeed })
            simulator.Binance().Tick(50);

        Assert.Equal(await firstClient.PriceAsync(), await secondClient.PriceAsync());
        Assert.NotEqual(await firstClient.PriceAsync(), await otherClient.PriceAsync());
    }
}
