using Akka.Actor;
using Akka.Persistence.Sql.Config;
using BenchmarkDotNet.Attributes;
using TradingActors.Benchmarks.Actors;
using TradingActors.Benchmarks.Clients;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Orders;

namespace TradingActors.Benchmarks;

/// <summary>
/// Orders through the whole engine (<c>TradingEngine.Props</c>, settings from HOCON) to an exchange that fills
/// each at once: through the order ledger journaling to a SQLite file, as a host runs it by default
/// (caller -> ledger -> router -> registry -> breaker -> connector, two events journaled per order: sent
/// before it goes to the router, filled before the caller hears of it); through the ledger on Akka's
/// in-memory journal, which is the ledger's own work without the database; and the same path without the
/// ledger (orders sent to the router). Every order is a new one with a client order id of its own. Figures
/// are per order; Op/s is orders per second, and the latency columns are per order, send to reply, with what
/// each path adds to the path without the ledger. The SQLite file's commits are synced to the disk
/// (<c>sqlite-synchronous = full</c>, the default) or only written to its log (<c>normal</c>); the other two
/// paths do not touch the file, and run under both only to be the baseline of each.
/// </summary>
[OperationsPerSecond]
public class OrderLedgerBenchmarks
{
    private const int Orders = 1024;

    [Params(1, 64)]
    public int InFlight { get; set; }

    [Params(SqliteSynchronous.Full, SqliteSynchronous.Normal)]
    public SqliteSynchronous Synchronous { get; set; }

    private readonly LedgerFile _file = new();
    private readonly Latencies _withoutLedger = new();
    private readonly Latencies _ledgerInMemory = new();
    private readonly Latencies _ledgerOnSqlite = new();
    private ActorSystem? _system;
    private IActorRef _withoutLedgerCaller = ActorRefs.Nobody;
    private IActorRef _ledgerInMemoryCaller = ActorRefs.Nobody;
    private IActorRef _ledgerOnSqliteCaller = ActorRefs.Nobody;

    [GlobalSetup]
    public async Task Start()
    {
        try
        {
            var config = Engine.Configuration($"{_file.Hocon}\ntrading.orders.sqlite-synchronous = {Synchronous.ToString().ToLowerInvariant()}");
            var onSqlite = TradingSettings.From(config);
            var inMemory = TradingSettings.From(Engine.Configuration());
            // As the engine's hosting starts it: the file checked, the engine's bindings, the ledger's SQLite plugins.
            LedgerStorage.CheckWritable(onSqlite.Orders);
            var connections = new MultiDataOptionsSetup();
            LedgerStorage.AddConnections(onSqlite.Orders, connections);
            _system = BenchmarkSystem.Start("order-ledger",
                config.WithFallback(TradingSettings.Reference).WithFallback(LedgerStorage.Config(onSqlite.Orders)), connections);
            var sqliteEngine = await Engine.Whole(_system, onSqlite, InstantExchange.Instance);
            var memoryEngine = await Engine.Whole(_system, inMemory, InstantExchange.Instance);
            // Recovered (and the SQLite tables made) before the first order is timed.
            await sqliteEngine.Orders.Ask<OrderLedger.Status>(OrderLedger.GetStatus.Instance, TimeSpan.FromSeconds(30));
            await memoryEngine.Orders.Ask<OrderLedger.Status>(OrderLedger.GetStatus.Instance, TimeSpan.FromSeconds(30));
            _withoutLedgerCaller = TimedCaller.Start<OrderPlaced>(_system, sqliteEngine.Router, Engine.Order, _withoutLedger);
            _ledgerInMemoryCaller = TimedCaller.Start<OrderPlaced>(_system, memoryEngine.Orders, Engine.Order, _ledgerInMemory);
            _ledgerOnSqliteCaller = TimedCaller.Start<OrderPlaced>(_system, sqliteEngine.Orders, Engine.Order, _ledgerOnSqlite);
        }
        catch
        {
            // No temp file outlives a setup that failed.
            Stop();
            throw;
        }
    }

    [GlobalCleanup]
    public void Stop()
    {
        BenchmarkSystem.Stop(_system);
        _file.Dispose();
        // Each case sets up anew and runs one of the benchmarks below: the one whose caller timed orders.
        Record(nameof(WithoutLedger), _withoutLedger);
        Record(nameof(LedgerInMemory), _ledgerInMemory);
        Record(nameof(LedgerOnSqlite), _ledgerOnSqlite);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Orders)]
    public Task WithoutLedger() => _withoutLedgerCaller.Run(Orders, InFlight);

    [Benchmark(OperationsPerInvoke = Orders)]
    public Task LedgerInMemory() => _ledgerInMemoryCaller.Run(Orders, InFlight);

    [Benchmark(OperationsPerInvoke = Orders)]
    public Task LedgerOnSqlite() => _ledgerOnSqliteCaller.Run(Orders, InFlight);

    private void Record(string benchmark, Latencies latencies)
    {
        if (latencies.Measured() is { } percentiles)
            LatencyColumn.Record(typeof(OrderLedgerBenchmarks), benchmark, $"{nameof(InFlight)}={InFlight},{nameof(Synchronous)}={Synchronous}", percentiles);
    }
}
