using Akka.Actor;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Orders;

namespace TradingActors.IntegrationTests.Cluster;

/// <summary>
/// Cluster mode's order ledger (issue 14): one in the cluster, journaled to a database every node shares (here one SQLite file,
/// which the nodes of one machine can share), so the node that takes it over settles the orders its last host left unknown.
/// </summary>
public sealed class ClusterLedgerSpecs : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cluster-ledger-{Guid.NewGuid():N}");
    private readonly ThreeNodes _cluster = new();
    private SimulatedExchangeClient _binance = null!;
    private int _slowOnce;
    private volatile bool _failing;

    private string Hocon => $$"""
        akka.loglevel = WARNING
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.cluster.split-brain-resolver.stable-after = 1s
        trading {
          cluster { enabled = on, hand-over-patience = 3s, state-timeout = 2s }
          orders { sqlite-file = "{{Path.Combine(_folder, "orders.db").Replace("\\", "/")}}", min-backoff = 100ms, max-backoff = 500ms }
          # Queries fail while the test says so; the breaker must not open on them, the ledger just asks again.
          exchanges.binance { failure-threshold = 1000, call-timeout = 1s }
        }
        """;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _binance = new SimulatedExchangeClient(_cluster.ExchangeClock)
            .WithPrice("BTCUSDT", 42_000)
            // Executed at once, answered after the call timeout: the order is filled, and the engine does not know it.
            .WithFault(new CallFilter((_, _) => Interlocked.Exchange(ref _slowOnce, 0) == 1), new SimulatedFault.Slow(TimeSpan.FromSeconds(3)))
            .WithFault(new CallFilter((_, _) => _failing), new SimulatedFault.Fail(FailureKind.ServerError));
        await _cluster.StartAsync(Hocon, _binance);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_order_left_unknown_on_a_node_that_dies_is_reconciled_by_the_node_that_takes_over_the_ledger()
    {
        var (a, b, c) = (_cluster.Nodes[0], _cluster.Nodes[1], _cluster.Nodes[2]);
        _failing = true;
        _slowOnce = 1;
        var order = PlaceOrder.WithNewId("binance", "BTCUSDT", OrderSide.Buy, 0.1m, 42_000);

        Assert.IsType<OrderOutcomeUnknown>(await b.Orders.Ask<ExchangeReply>(order, TimeSpan.FromSeconds(30)));
        Assert.Equal(OrderLife.Unknown, (await RecordAsync(b, order)).Life);

        // The oldest node, the ledger's host, dies with the order unknown; the exchange answers again.
        Assert.NotNull(await LedgerOn(a));
        await a.KillAsync(survivor: b);
        _failing = false;

        await Eventually.TrueAsync(async () => (await RecordAsync(b, order)) is { Life: OrderLife.Filled }, "the order is reconciled as filled");
        Assert.Equal(0.1m, (await RecordAsync(b, order)).Report!.FilledQuantity);
        // The next oldest took it over: B or C, whichever the cluster moved Up first.
        Assert.NotNull(await LedgerOn(b) ?? await LedgerOn(c));
    }

    private static async Task<IActorRef?> LedgerOn(ClusterNode node) =>
        (await node.System.ActorSelection("/user/trading/orders/singleton").Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(10))).Subject;

    private static async Task<OrderRecord> RecordAsync(ClusterNode node, PlaceOrder order) =>
        (await node.Orders.Ask<OrderLedger.Order>(new OrderLedger.GetOrder(order.ClientOrderId), TimeSpan.FromSeconds(30))).Record!;
}
