using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.Hosting;
using TradingActors.Orders;

namespace TradingActors.IntegrationTests.Orders;

/// <summary>
/// The order ledger as a host runs it: Akka.Hosting, a SQLite file, the HTTP connector and the simulator
/// over real sockets. Real time, kept to seconds.
/// </summary>
public sealed class LedgerOverHttpSpecs : IAsyncLifetime
{
    private readonly string _ledgerFile = Path.Combine(Path.GetTempPath(), $"trading-ledger-{Guid.NewGuid():N}", "orders.db");
    private ExchangeSimulator _simulator = null!;

    async ValueTask IAsyncLifetime.InitializeAsync() =>
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = TimeSpan.Zero });

    async ValueTask IAsyncDisposable.DisposeAsync() => await _simulator.DisposeAsync();

    private SimulatedExchange Binance => _simulator.Exchanges["binance"];

    private IHost Host() => TradingHost.Build($$"""
        akka.loglevel = WARNING
        trading {
          exchanges.binance {
            call-timeout = 1s
            # Off: these specs are about what the ledger's queries settle (UserDataOverWebSocketSpecs has the stream's).
            endpoint { url = "{{Binance.BaseAddress}}", api-key = "sim-api-key", api-secret = "sim-api-secret", user-data-stream = off }
          }
          orders { sqlite-file = "{{_ledgerFile}}", grace = 3s, min-backoff = 200ms, max-backoff = 500ms }
          # A loaded CI machine may take seconds over the first journal writes; the call timeout stays tight.
          facade.margin = 10s
        }
        """);

    private static PlaceOrder Buy(string id) => new("binance", "BTCUSDT", OrderSide.Buy, 0.01m, null, id);

    [Fact]
    public async Task A_ghost_fill_is_unknown_to_the_caller_then_reconciled_to_one_fill_also_when_the_caller_retries_meanwhile()
    {
        using var host = Host();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        var before = await BaseBalanceAsync();
        await Binance.Faults.SetAsync(new FaultSettings { GhostFillDelay = TimeSpan.FromSeconds(30) });

        var unknown = Assert.IsType<OrderOutcomeUnknown>(await engine.PlaceOrderAsync(Buy("ghost-http-1")));
        Assert.Equal(FailureKind.Timeout, unknown.Failure?.Kind);
        Assert.IsType<OrderOutcomeUnknown>(await engine.PlaceOrderAsync(Buy("ghost-http-1")));
        await Binance.Faults.ClearAsync();

        var settled = await engine.WaitForFinalAsync("ghost-http-1").WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal((OrderLife.Filled, 0.01m), (settled.Life, settled.Report?.FilledQuantity));
        Assert.Equal(before + 0.01m, await BaseBalanceAsync());
        await host.StopAsync();
    }

    [Fact]
    public async Task An_order_the_exchange_lists_late_is_not_declared_lost()
    {
        using var host = Host();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        await Binance.Faults.SetAsync(new FaultSettings { GhostFillDelay = TimeSpan.FromSeconds(30), OrderQueryLag = TimeSpan.FromSeconds(2) });

        Assert.IsType<OrderOutcomeUnknown>(await engine.PlaceOrderAsync(Buy("lag-http-1")));

        Assert.Equal(OrderLife.Filled, (await engine.WaitForFinalAsync("lag-http-1").WaitAsync(TimeSpan.FromSeconds(15))).Life);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_host_restarted_on_the_same_ledger_file_knows_its_orders_and_never_sends_one_twice()
    {
        using (var first = Host())
        {
            await first.StartAsync();
            var engine = first.Services.GetRequiredService<ITradingEngine>();
            Assert.IsType<OrderPlaced>(await engine.PlaceOrderAsync(Buy("restart-http-1")));
            await first.StopAsync();
        }
        var before = await BaseBalanceAsync();

        using var second = Host();
        await second.StartAsync();
        var again = await second.Services.GetRequiredService<ITradingEngine>().PlaceOrderAsync(Buy("restart-http-1"));

        Assert.Equal(OrderState.Filled, Assert.IsType<OrderPlaced>(again).Report.State);
        Assert.Equal(before, await BaseBalanceAsync());
        await second.StopAsync();
    }

    [Fact]
    public void A_ledger_file_that_cannot_be_written_stops_start_up_naming_it()
    {
        var folder = Path.GetDirectoryName(_ledgerFile)!;
        Directory.CreateDirectory(_ledgerFile);

        var error = Assert.Throws<SettingsException>(() => Host().Services.GetRequiredService<Akka.Actor.ActorSystem>());

        Assert.Equal("trading.orders.sqlite-file", error.Path);
        Assert.Contains(folder, error.Message);
    }

    [Fact]
    public void A_ledger_file_another_process_holds_stops_start_up_naming_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_ledgerFile)!);
        using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_ledgerFile};Pooling=False");
        other.Open();
        using var hold = other.CreateCommand();
        hold.CommandText = "CREATE TABLE held (id INTEGER); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);";
        hold.ExecuteNonQuery();

        var error = Assert.Throws<SettingsException>(() => Host().Services.GetRequiredService<Akka.Actor.ActorSystem>());

        Assert.Equal("trading.orders.sqlite-file", error.Path);
        Assert.Contains(_ledgerFile, error.Message);
    }

    [Fact]
    public void A_corrupt_ledger_file_stops_start_up_naming_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_ledgerFile)!);
        File.WriteAllText(_ledgerFile, "this is not a database, but a file someone overwrote");

        var error = Assert.Throws<SettingsException>(() => Host().Services.GetRequiredService<Akka.Actor.ActorSystem>());

        Assert.Contains(_ledgerFile, error.Message);
    }

    private Task<decimal> BaseBalanceAsync() => SimulatedAccount.FreeAsync(Binance, "BTC");
}
