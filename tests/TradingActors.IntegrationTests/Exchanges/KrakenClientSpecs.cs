using System.Text;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Kraken;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>What the Kraken client does beyond the conformance suite, against the simulator's Kraken dialect.</summary>
public sealed class KrakenClientSpecs : IAsyncLifetime
{
    private ExchangeSimulator? _simulator;
    private KrakenClient? _client;

    private SimulatedExchange Exchange => _simulator!.Exchanges["kraken"];
    private KrakenClient Client => _client!;

    [Fact]
    public async Task A_resting_order_is_found_by_its_client_order_id_among_the_open_ones()
    {
        await Client.PlaceOrderAsync(Limit("k-find-open"), default);

        var found = await Client.GetOrderAsync(new GetOrderStatus("kraken", "BTCUSDT", "k-find-open"), default);

        Assert.Equal(("k-find-open", OrderState.New, "BTCUSDT", 0.01m), (found.ClientOrderId, found.State, found.Symbol, found.Quantity));
    }

    [Fact]
    public async Task A_filled_order_is_found_by_its_client_order_id_among_the_closed_ones()
    {
        await Client.PlaceOrderAsync(new PlaceOrder("kraken", "BTCUSDT", OrderSide.Sell, 0.01m, null, "k-find-closed"), default);

        var found = await Client.GetOrderAsync(new GetOrderStatus("kraken", "BTCUSDT", "k-find-closed"), default);

        Assert.Equal((OrderState.Filled, OrderSide.Sell, 0.01m), (found.State, found.Side, found.FilledQuantity));
    }

    [Fact]
    public async Task An_order_the_exchange_does_not_know_is_a_rejection()
    {
        var rejected = await Assert.ThrowsAsync<ExchangeRejectionException>(async () =>
            await Client.GetOrderAsync(new GetOrderStatus("kraken", "BTCUSDT", "k-never"), default));

        Assert.Equal(RejectionReason.UnknownOrder, rejected.Reason);
    }

    [Fact]
    public async Task A_cancel_reports_the_cancelled_order_read_back()
    {
        var placed = await Client.PlaceOrderAsync(Limit("k-cancel"), default);

        var cancelled = await Client.CancelOrderAsync(new CancelOrder("kraken", "BTCUSDT", "k-cancel"), default);

        Assert.Equal((OrderState.Cancelled, placed.ExchangeOrderId, 0.01m), (cancelled.State, cancelled.ExchangeOrderId, cancelled.Quantity));
    }

    [Fact]
    public async Task An_order_the_exchange_took_but_cannot_show_yet_is_reported_as_accepted()
    {
        await Exchange.Faults.SetAsync(new FaultSettings { OrderQueryLag = TimeSpan.FromMinutes(1) });

        var placed = await Client.PlaceOrderAsync(new PlaceOrder("kraken", "BTCUSDT", OrderSide.Buy, 0.01m, null, "k-lagged"), default);

        Assert.Equal((OrderState.New, 0m), (placed.State, placed.FilledQuantity));
        Assert.StartsWith("O", placed.ExchangeOrderId);
    }

    [Fact]
    public async Task Usage_counts_private_calls_on_the_api_counter_and_orders_on_the_trading_counter()
    {
        await Client.PlaceOrderAsync(Limit("k-usage"), default);
        await Client.GetOpenOrdersAsync(new GetOpenOrders("kraken"), default);
        await Client.GetPriceAsync(new GetPrice("kraken", "BTCUSDT"), default);

        var usage = Client.Usage;

        Assert.InRange(usage.ApiCounter, 1.5, 2);
        Assert.InRange(usage.TradingCounter, 0.5, 1);
    }

    [Fact]
    public async Task Concurrent_calls_each_carry_a_nonce_the_exchange_accepts()
    {
        var listed = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.GetOpenOrdersAsync(new GetOpenOrders("kraken"), default).AsTask()));

        Assert.All(listed, Assert.Empty);
    }

    private static PlaceOrder Limit(string clientOrderId) => new("kraken", "BTCUSDT", OrderSide.Buy, 0.01m, 1_000m, clientOrderId);

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("kraken") { Dialect = ExchangeDialect.Kraken }],
            TickInterval = TimeSpan.Zero,
        });
        _client = new KrakenClient(new KrakenSettings(Exchange.BaseAddress, AccountOptions.Default.ApiKey,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountOptions.Default.Secret)), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        _client?.Dispose();
        if (_simulator is not null)
            await _simulator.DisposeAsync();
    }
}
