using TradingActors.Exchanges;
using TradingActors.Exchanges.Bybit;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>What the Bybit client does beyond the conformance suite, against the simulator's Bybit dialect on loopback.</summary>
public sealed class BybitClientSpecs : IAsyncLifetime
{
    private const string Exchange = "bybit";
    private ExchangeSimulator? _simulator;
    private readonly List<BybitClient> _clients = [];

    private SimulatedExchange Bybit => _simulator!.Exchanges[Exchange];

    [Fact]
    public async Task A_private_reply_s_rate_limit_usage_is_exposed()
    {
        await Start(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 10 } });
        var client = Client();

        await client.GetOpenOrdersAsync(new GetOpenOrders(Exchange), CancellationToken.None);

        Assert.Equal((10, 9), (client.Usage!.Limit, client.Usage.Remaining));
    }

    [Fact]
    public async Task An_order_the_exchange_cannot_yet_show_is_reported_acknowledged()
    {
        await Start();
        await Bybit.Faults.SetAsync(new FaultSettings { OrderQueryLag = TimeSpan.FromHours(1) });

        var report = await Client().PlaceOrderAsync(new PlaceOrder(Exchange, "BTCUSDT", OrderSide.Buy, 0.01m, null, "lagging"), CancellationToken.None);

        Assert.Equal((OrderState.New, 0.01m, 0m, "lagging"), (report.State, report.Quantity, report.FilledQuantity, report.ClientOrderId));
        Assert.NotEmpty(report.ExchangeOrderId);
    }

    [Fact]
    public async Task A_cancelled_order_is_reported_cancelled_with_its_quantity()
    {
        await Start();
        var client = Client();
        await client.PlaceOrderAsync(new PlaceOrder(Exchange, "BTCUSDT", OrderSide.Buy, 0.01m, 1000m, "resting"), CancellationToken.None);

        var report = await client.CancelOrderAsync(new CancelOrder(Exchange, "BTCUSDT", "resting"), CancellationToken.None);

        Assert.Equal((OrderState.Cancelled, 0.01m, 0m), (report.State, report.Quantity, report.FilledQuantity));
    }

    [Fact]
    public async Task The_open_orders_are_read_page_after_page()
    {
        await Start();
        var client = Client();
        for (var order = 0; order < 51; order++)
            await client.PlaceOrderAsync(new PlaceOrder(Exchange, "BTCUSDT", OrderSide.Buy, 0.01m, 1000m, $"page-{order}"), CancellationToken.None);

        var open = await client.GetOpenOrdersAsync(new GetOpenOrders(Exchange), CancellationToken.None);

        Assert.Equal(51, open.Select(order => order.ClientOrderId).Distinct().Count());
    }

    [Fact]
    public async Task An_order_the_exchange_does_not_know_is_an_unknown_order()
    {
        await Start();

        var rejected = await Assert.ThrowsAsync<ExchangeRejectionException>(async () =>
            await Client().GetOrderAsync(new GetOrderStatus(Exchange, "BTCUSDT", "never-placed"), CancellationToken.None));

        Assert.Equal(RejectionReason.UnknownOrder, rejected.Reason);
    }

    [Fact]
    public async Task A_second_open_order_with_the_same_id_is_a_duplicate()
    {
        await Start();
        var client = Client();
        var order = new PlaceOrder(Exchange, "BTCUSDT", OrderSide.Buy, 0.01m, 1000m, "twice");
        await client.PlaceOrderAsync(order, CancellationToken.None);

        var rejected = await Assert.ThrowsAsync<ExchangeRejectionException>(async () => await client.PlaceOrderAsync(order, CancellationToken.None));

        Assert.Equal(RejectionReason.DuplicateOrder, rejected.Reason);
    }

    [Fact]
    public async Task A_wrong_secret_is_unauthorized()
    {
        await Start();

        var rejected = await Assert.ThrowsAsync<ExchangeRejectionException>(async () =>
            await Client(secret: "not-the-secret").GetOpenOrdersAsync(new GetOpenOrders(Exchange), CancellationToken.None));

        Assert.Equal(RejectionReason.Unauthorized, rejected.Reason);
    }

    [Fact]
    public async Task An_IP_ban_did_not_execute_and_waits_as_long_as_its_Retry_After_says()
    {
        await Start(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 1, BanAfter = 0, BanDuration = TimeSpan.FromSeconds(30) } });
        var client = Client();
        await client.PingAsync(CancellationToken.None);

        var failed = await Assert.ThrowsAsync<ExchangeFailureException>(async () =>
            await client.PlaceOrderAsync(new PlaceOrder(Exchange, "BTCUSDT", OrderSide.Buy, 0.01m, null, "banned"), CancellationToken.None));

        Assert.Equal((FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromSeconds(30)), (failed.Kind, failed.Outcome, failed.RetryAfter));
    }

    [Fact]
    public async Task A_server_error_before_executing_an_order_leaves_its_outcome_unknown()
    {
        await Start();
        await Bybit.Faults.SetAsync(new FaultSettings { Order5xx = 1 });

        var failed = await Assert.ThrowsAsync<ExchangeFailureException>(async () =>
            await Client().PlaceOrderAsync(new PlaceOrder(Exchange, "BTCUSDT", OrderSide.Buy, 0.01m, null, "unsure"), CancellationToken.None));

        Assert.Equal((FailureKind.ServerError, ExecutionOutcome.Unknown), (failed.Kind, failed.Outcome));
    }

    [Fact]
    public async Task A_malformed_reply_to_an_order_leaves_its_outcome_unknown()
    {
        await Start();
        await Bybit.Faults.SetAsync(new FaultSettings { Malformed = 1 });

        var failed = await Assert.ThrowsAsync<ExchangeFailureException>(async () =>
            await Client().PlaceOrderAsync(new PlaceOrder(Exchange, "BTCUSDT", OrderSide.Buy, 0.01m, null, "garbled"), CancellationToken.None));

        Assert.Equal((FailureKind.MalformedResponse, ExecutionOutcome.Unknown), (failed.Kind, failed.Outcome));
    }

    [Fact]
    public void The_settings_never_show_the_secret()
    {
        var settings = new BybitSettings(new Uri("http://127.0.0.1:1/"), "key", "the-secret", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Assert.DoesNotContain("the-secret", settings.ToString());
    }

    private async Task Start(Func<ExchangeOptions, ExchangeOptions>? configure = null)
    {
        var exchange = new ExchangeOptions(Exchange) { Dialect = ExchangeDialect.Bybit };
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [(configure ?? (options => options))(exchange)],
            TickInterval = TimeSpan.Zero,
        });
    }

    private BybitClient Client(string? secret = null)
    {
        var client = new BybitClient(new BybitSettings(Bybit.BaseAddress, AccountOptions.Default.ApiKey, secret ?? AccountOptions.Default.Secret,
            RecvWindow: TimeSpan.FromSeconds(5), ConnectTimeout: TimeSpan.FromSeconds(2), RequestTimeout: TimeSpan.FromSeconds(10)));
        _clients.Add(client);
        return client;
    }

    ValueTask IAsyncLifetime.InitializeAsync() => ValueTask.CompletedTask;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        if (_simulator is not null)
            await _simulator.DisposeAsync();
    }
}
