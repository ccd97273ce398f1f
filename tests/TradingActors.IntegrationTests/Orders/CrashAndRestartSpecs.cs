using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.Hosting;
using TradingActors.Orders;

namespace TradingActors.IntegrationTests.Orders;

/// <summary>
/// Orders under faults while the engine is stopped at random points and started again on the same ledger
/// file, round after round; at the end the ledger and the exchanges agree order by order and nothing filled
/// twice. LEDGER_CRASH_ROUNDS makes it a soak (default: a short run for CI).
/// </summary>
public sealed class CrashAndRestartSpecs(ITestOutputHelper output) : IAsyncLifetime
{
    private const decimal Quantity = 0.01m;
    private static readonly string[] Exchanges = ["binance", "bybit"];

    private readonly string _ledgerFile = Path.Combine(Path.GetTempPath(), $"trading-crash-{Guid.NewGuid():N}", "orders.db");
    private readonly Random _random = new(20261202);
    private ExchangeSimulator _simulator = null!;
    private readonly Dictionary<string, BinanceClient> _clients = [];

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("binance"), new ExchangeOptions("bybit")],
            TickInterval = TimeSpan.Zero,
        });
        foreach (var exchange in Exchanges)
            _clients[exchange] = new BinanceClient(new BinanceSettings(_simulator.Exchanges[exchange].BaseAddress, "sim-api-key",
                "sim-api-secret", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
        await _simulator.DisposeAsync();
    }

    private IHost Host() => TradingHost.Build($$"""
        akka.loglevel = ERROR
        trading {
          breaker-defaults { call-timeout = 500ms, failure-threshold = 1000, max-concurrent-calls = 100 }
          exchanges.binance.endpoint { url = "{{_simulator.Exchanges["binance"].BaseAddress}}", api-key = "sim-api-key", api-secret = "sim-api-secret" }
          exchanges.bybit.endpoint { url = "{{_simulator.Exchanges["bybit"].BaseAddress}}", api-key = "sim-api-key", api-secret = "sim-api-secret" }
          routing.fallbacks.binance = [bybit]
          orders { sqlite-file = "{{_ledgerFile}}", grace = 500ms, max-queries = 3, min-backoff = 100ms, max-backoff = 300ms, startup-timeout = 20s }
          facade.margin = 10s
        }
        """);

    [Fact]
    public async Task Every_order_ends_in_one_final_state_on_one_exchange_as_the_exchange_has_it_however_often_the_engine_stops()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("LEDGER_CRASH_ROUNDS"), out var n) ? n : FaultKinds; // one of each fault
        var ids = new List<string>();
        var before = await BalancesAsync();
        for (var round = 0; round < rounds; round++)
        {
            await _simulator.Exchanges["binance"].Faults.SetAsync(RoundFaults(round));
            using var host = Host();
            await host.StartAsync();
            var engine = host.Services.GetRequiredService<ITradingEngine>();
            // Answered once the ledger has recovered: the stops below then fall while orders are on their way.
            await engine.GetOrdersAsync();
            // New orders, and the orders of earlier rounds again, as a caller retries what it never heard about.
            var batch = Enumerable.Range(0, 12).Select(i => $"crash-{round}-{i}").Concat(ids.OrderBy(_ => _random.Next()).Take(6)).ToList();
            ids.AddRange(batch.Where(id => !ids.Contains(id)));
            var sending = batch.Select(id => Send(engine, id)).ToList();
            await Task.Delay(_random.Next(300, 2500));
            await host.Services.GetRequiredService<ActorSystem>().Terminate();
            await Task.WhenAll(sending);
            await host.StopAsync();
        }
        await _simulator.Exchanges["binance"].Faults.ClearAsync();

        using var last = Host();
        await last.StartAsync();
        var orders = await SettledAsync(last);
        var after = await BalancesAsync();

        var filled = new Dictionary<string, decimal> { ["binance"] = 0, ["bybit"] = 0 };
        var lives = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            var record = (await orders.Ask<OrderLedger.Order>(new OrderLedger.GetOrder(id), TimeSpan.FromSeconds(10))).Record;
            var held = await HeldByAsync(id);
            var life = record?.Life.ToString() ?? "never recorded";
            lives[life] = lives.GetValueOrDefault(life) + 1;
            if (record is null)
            {
                Assert.Empty(held);
                continue;
            }
            Assert.True(record.IsFinal || record.Life == OrderLife.NotExecuted, $"{id} is {record.Life}: {record.Detail}");
            if (record.Life == OrderLife.Filled)
            {
                var (exchange, report) = Assert.Single(held);
                Assert.Equal((record.Exchange, OrderState.Filled, Quantity), (exchange, report.State, report.FilledQuantity));
                filled[exchange] += report.FilledQuantity;
            }
            else
                Assert.Empty(held);
        }
        foreach (var exchange in Exchanges)
            Assert.Equal(filled[exchange], after[exchange] - before[exchange]);
        output.WriteLine($"{rounds} rounds, {ids.Count} orders: {filled["binance"] / Quantity:0} filled on binance, " +
                         $"{filled["bybit"] / Quantity:0} on bybit; {string.Join(", ", lives.Select(l => $"{l.Value} {l.Key}"))}");
        await last.StopAsync();
    }

    private const int FaultKinds = 8;

    // Each round binance misbehaves in another way: no connection (its orders go to bybit; first, while nothing
    // from before waits to be reconciled with the unreachable binance), replies withheld after the fill while the
    // exchange does not yet know the order when asked and its user data stream is silent, 5xx after the fill or
    // before it, no answer at all, replies cut short after the order executed, replies around the call timeout
    // (the engine gives up on some, and the exchange may or may not have taken them), user data sessions dropped
    // under slow replies, or every kind of 5xx at once.
    private static FaultSettings RoundFaults(int round) => (round % FaultKinds) switch
    {
        0 => new FaultSettings { Outage = true },
        1 => new FaultSettings { GhostFillDelay = TimeSpan.FromSeconds(2), OrderQueryLag = TimeSpan.FromSeconds(1), UserDataStall = true },
        2 => new FaultSettings { Order5xxAfterExecution = 0.5, Order5xx = 0.2 },
        3 => new FaultSettings { Hang = 0.3 },
        4 => new FaultSettings { Malformed = 0.4 },
        5 => new FaultSettings { Latency = TimeSpan.FromMilliseconds(400), Jitter = TimeSpan.FromMilliseconds(400) },
        6 => new FaultSettings { UserDataDrop = true, Latency = TimeSpan.FromMilliseconds(200), Jitter = TimeSpan.FromMilliseconds(400) },
        _ => new FaultSettings { Order5xx = 0.3, Order5xxAfterExecution = 0.3, Other5xx = 0.3 },
    };

    private static async Task Send(ITradingEngine engine, string id)
    {
        try
        {
            // While the ledger reconciles the orders from before the restart, a caller waits as it is told to.
            while (await engine.PlaceOrderAsync(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, Quantity, null, id)) is OrdersReconciling later)
                await Task.Delay(later.RetryAfter < TimeSpan.FromMilliseconds(100) ? later.RetryAfter : TimeSpan.FromMilliseconds(100));
        }
        catch (TradingEngineStoppedException)
        {
            // The engine stopped under the caller: it never heard, and retries the id in a later round.
        }
    }

    /// <summary>Waits until the ledger holds nothing in flight, unknown or open, and returns it.</summary>
    private static async Task<IActorRef> SettledAsync(IHost host)
    {
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var status = await engine.GetOrdersAsync();
            Assert.All(status.Exchanges, e => Assert.Equal(0, e.NeedsAttention));
            if (status.Exchanges.All(e => e.InFlight + e.Unknown + e.Open == 0))
                return host.Services.GetRequiredService<ActorRegistry>().Get<TradingEngineHosting.Keys.Orders>();
            await Task.Delay(50); // polled, over real sockets: at most 30 s in all
        }
        throw new TimeoutException($"the ledger still reconciles: {string.Join(", ", (await engine.GetOrdersAsync()).Exchanges)}");
    }

    /// <summary>Which exchanges hold an order with this client order id, as each exchange reports it.</summary>
    private async Task<List<(string Exchange, OrderReport Report)>> HeldByAsync(string id)
    {
        var held = new List<(string, OrderReport)>();
        foreach (var exchange in Exchanges)
        {
            try
            {
                held.Add((exchange, await _clients[exchange].GetOrderAsync(new GetOrderStatus(exchange, "BTCUSDT", id), CancellationToken.None)));
            }
            catch (ExchangeRejectionException unknown) when (unknown.Reason == RejectionReason.UnknownOrder)
            {
            }
        }
        return held;
    }

    private async Task<Dictionary<string, decimal>> BalancesAsync()
    {
        var balances = new Dictionary<string, decimal>();
        foreach (var exchange in Exchanges)
            balances[exchange] = await SimulatedAccount.FreeAsync(_simulator.Exchanges[exchange], "BTC");
        return balances;
    }
}
