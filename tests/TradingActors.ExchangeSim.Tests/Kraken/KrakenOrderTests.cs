using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Kraken;

public sealed class KrakenOrderTests
{
    [Fact]
    public async Task AddOrderAnswersOnlyTheTxidAndADescription()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        var result = await (await client.AddOrderAsync("buy", "market", "0.01", clientOrderId: "k-market")).ResultAsync();

        Assert.Equal(["descr", "txid"], result.EnumerateObject().Select(field => field.Name));
        Assert.Equal("buy 0.01000000 XBTUSDT @ market", result.GetProperty("descr").Text("order"));
        Assert.Matches("^O[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}$", result.GetProperty("txid")[0].GetString());
    }

    [Fact]
    public async Task QueryOrdersShowsAFilledMarketOrderByItsTxid()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        var txid = await client.BoughtAsync("k-filled");

        var order = (await (await client.PrivateAsync("QueryOrders", ("txid", txid))).ResultAsync()).GetProperty(txid);

        Assert.Equal(("closed", "k-filled", 0.01m, 42000m), (order.Text("status"), order.Text("cl_ord_id"), order.Amount("vol_exec"), order.Amount("price")));
        Assert.Equal(420m, order.Amount("cost"));
    }

    [Fact]
    public async Task QueryOrdersTakesATxidNotAClientOrderId()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        await client.BoughtAsync("k-by-id");

        await (await client.PrivateAsync("QueryOrders", ("cl_ord_id", "k-by-id"))).AssertErrorAsync("EGeneral:Invalid arguments:txid");
    }

    [Fact]
    public async Task AnUnknownTxidIsAnUnknownOrder()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.PrivateAsync("QueryOrders", ("txid", "OAAAAA-AAAAA-AAAAAZ"))).AssertErrorAsync("EOrder:Unknown order");
    }

    [Fact]
    public async Task OpenOrdersFindsARestingOrderByItsClientOrderId()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        await (await client.AddOrderAsync("buy", "limit", "0.01", "1000", "k-rest")).ResultAsync();
        await (await client.AddOrderAsync("buy", "limit", "0.01", "1000", "k-other")).ResultAsync();

        var open = (await (await client.PrivateAsync("OpenOrders", ("cl_ord_id", "k-rest"))).ResultAsync()).GetProperty("open");

        var order = Assert.Single(open.EnumerateObject()).Value;
        Assert.Equal(("open", "k-rest", "limit", "XBTUSDT"),
            (order.Text("status"), order.Text("cl_ord_id"), order.GetProperty("descr").Text("ordertype"), order.GetProperty("descr").Text("pair")));
    }

    [Fact]
    public async Task CancelOrderByClientOrderIdClosesItAndClosedOrdersShowsIt()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        await (await client.AddOrderAsync("buy", "limit", "0.01", "1000", "k-cancel")).ResultAsync();

        var cancelled = await (await client.PrivateAsync("CancelOrder", ("cl_ord_id", "k-cancel"))).ResultAsync();

        Assert.Equal(1, cancelled.GetProperty("count").GetInt32());
        var closed = (await (await client.PrivateAsync("ClosedOrders", ("cl_ord_id", "k-cancel"))).ResultAsync()).GetProperty("closed");
        Assert.Equal("canceled", Assert.Single(closed.EnumerateObject()).Value.Text("status"));
    }

    [Fact]
    public async Task CancelOrderByTxidClosesIt()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        var txid = (await (await client.AddOrderAsync("sell", "limit", "0.01", "90000", "k-txid")).ResultAsync()).GetProperty("txid")[0].GetString()!;

        await (await client.PrivateAsync("CancelOrder", ("txid", txid))).ResultAsync();

        Assert.Equal("canceled", (await (await client.PrivateAsync("QueryOrders", ("txid", txid))).ResultAsync()).GetProperty(txid).Text("status"));
    }

    [Fact]
    public async Task CancellingAnOrderThatIsNotOpenIsAnUnknownOrder()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        await client.BoughtAsync("k-done");

        await (await client.PrivateAsync("CancelOrder", ("cl_ord_id", "k-done"))).AssertErrorAsync("EOrder:Unknown order");
        await (await client.PrivateAsync("CancelOrder", ("cl_ord_id", "k-never"))).AssertErrorAsync("EOrder:Unknown order");
    }

    [Fact]
    public async Task AnOrderTheAccountCannotAffordIsRefused()
    {
        await using var simulator = await KrakenSimulator.StartAsync(exchange => exchange with
        {
            Accounts = [AccountOptions.Default with { Balances = new Dictionary<string, decimal> { ["USDT"] = 1m } }],
        });
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.AddOrderAsync("buy", "market", "0.01")).AssertErrorAsync("EOrder:Insufficient funds");
    }

    [Fact]
    public async Task ASecondOpenOrderWithTheSameClientOrderIdIsADuplicate()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        await (await client.AddOrderAsync("buy", "limit", "0.01", "1000", "k-twice")).ResultAsync();

        await (await client.AddOrderAsync("buy", "limit", "0.01", "1000", "k-twice")).AssertErrorAsync("EOrder:Duplicate order");
    }

    [Theory]
    [InlineData("0123456789abcdefghi")]
    [InlineData("has space")]
    public async Task AClientOrderIdThatIsNeitherAUuidNorShortFreeTextIsRefused(string clientOrderId)
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.AddOrderAsync("buy", "market", "0.01", clientOrderId: clientOrderId)).AssertErrorAsync("EGeneral:Invalid arguments:cl_ord_id");
    }

    [Fact]
    public async Task AUuidWithoutItsDashesIsAClientOrderId()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        await client.BoughtAsync(Guid.NewGuid().ToString("N"));
    }

    [Fact]
    public async Task AnOrderOnAnUnknownPairIsRefused()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.AddOrderAsync("buy", "market", "0.01", pair: "BTCUSDT")).AssertErrorAsync("EQuery:Unknown asset pair");
    }

    [Fact]
    public async Task AnOrderBelowTheCostMinimumIsRefused()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.AddOrderAsync("buy", "limit", "0.001", "1000")).AssertErrorAsync("EOrder:Cost minimum not met");
    }

    [Fact]
    public async Task AnUnknownOrderTypeIsAnInvalidArgument()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.AddOrderAsync("buy", "iceberg", "0.01")).AssertErrorAsync("EGeneral:Invalid arguments:ordertype");
    }
}
