using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Exchanges;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.Hosting;
using TradingActors.Orders;
using TradingActors.Orders.UserData;
using Xunit.Sdk;

namespace TradingActors.IntegrationTests.Orders;

/// <summary>
/// The user data stream as a host runs it: Akka.Hosting, a SQLite ledger, and the simulator's WebSocket API
/// over a real socket. The ledger's own queries wait 30s, so whatever settles an order within the specs'
/// bounds came from the stream, or from the queries a resumed stream asked for.
/// </summary>
public sealed class UserDataOverWebSocketSpecs : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly string _ledgerFile = Path.Combine(Path.GetTempPath(), $"trading-ledger-{Guid.NewGuid():N}", "orders.db");
    private readonly UserDataTransitions _transitions = new();
    private ExchangeSimulator _simulator = null!;

    async ValueTask IAsyncLifetime.InitializeAsync() =>
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Exchanges = [new ExchangeOptions("binance")], TickInterval = TimeSpan.Zero });

    async ValueTask IAsyncDisposable.DisposeAsync() => await _simulator.DisposeAsync();

    private SimulatedExchange Binance => _simulator.Exchanges["binance"];

    // Watched from before the engine starts, so that its first subscription is seen too.
    private IHost Host() => TradingHost.Build($$"""
        akka.loglevel = WARNING
        trading {
          exchanges.binance {
            call-timeout = 1s
            endpoint {
              url = "{{Binance.BaseAddress}}", api-key = "sim-api-key", api-secret = "sim-api-secret"
              user-data-min-backoff = 200ms, user-data-max-backoff = 1s
            }
          }
          # No query of the ledger's own comes within the specs' bounds.
          orders { sqlite-file = "{{_ledgerFile}}", min-backoff = 30s, max-backoff = 30s, check-interval = 1h }
          # A loaded CI machine may take seconds over the first journal writes; the call timeout stays tight.
          facade.margin = 10s
        }
        """, _transitions.Watch);

    private static PlaceOrder Buy(string id, decimal? limit = null) => new("binance", "BTCUSDT", OrderSide.Buy, 0.01m, limit, id);

    [Fact]
    public async Task A_ghost_filled_order_is_settled_filled_by_the_stream_with_its_trade_recorded_once()
    {
        using var host = Host();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        await _transitions.NextAsync(UserDataState.Subscribed);
        var before = await SimulatedAccount.FreeAsync(Binance, "BTC");
        await Binance.Faults.SetAsync(new FaultSettings { GhostFillDelay = TimeSpan.FromSeconds(30) });

        // The reply is held back past the call timeout, but the stream told the ledger of the fill before then.
        Assert.Equal(OrderState.Filled, Replies.Is<OrderPlaced>(await engine.PlaceOrderAsync(Buy("ghost-ws-1"))).Report.State);
        await Binance.Faults.ClearAsync();

        var settled = await engine.WaitForFinalAsync("ghost-ws-1").WaitAsync(Bound);
        Assert.Equal((OrderLife.Filled, 0.01m), (settled.Life, settled.Report?.FilledQuantity));
        var trade = Assert.Single((await RecordAsync(host, "ghost-ws-1")).Trades);
        Assert.Equal(0.01m, trade.Quantity);
        // The caller's retry is answered with the fill the stream reported, and never sent again.
        Assert.Equal(OrderState.Filled, Replies.Is<OrderPlaced>(await engine.PlaceOrderAsync(Buy("ghost-ws-1"))).Report.State);
        Assert.Equal(before + 0.01m, await SimulatedAccount.FreeAsync(Binance, "BTC"));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_resting_limit_order_that_the_price_walk_fills_is_recorded_filled_by_the_stream()
    {
        using var host = Host();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        await _transitions.NextAsync(UserDataState.Subscribed);
        var limit = decimal.Round(await PriceWalk.PriceAsync(engine, "binance") * 0.999m, 2);

        Assert.Equal(OrderState.New, Replies.Is<OrderPlaced>(await engine.PlaceOrderAsync(Buy("resting-ws-1", limit))).Report.State);
        await PriceWalk.DownToAsync(engine, "binance", Binance, limit);

        var settled = await engine.WaitForFinalAsync("resting-ws-1").WaitAsync(Bound);
        Assert.Equal((OrderLife.Filled, 0.01m, limit), (settled.Life, settled.Report?.FilledQuantity, settled.Report?.AveragePrice));
        var trade = Assert.Single((await RecordAsync(host, "resting-ws-1")).Trades);
        Assert.Equal((0.01m, limit), (trade.Quantity, trade.Price));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_dropped_stream_reconnects_and_its_resumption_settles_what_the_drop_hid()
    {
        using var host = Host();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        await _transitions.NextAsync(UserDataState.Subscribed);

        await Binance.Faults.SetAsync(new FaultSettings { UserDataDrop = true, GhostFillDelay = TimeSpan.FromSeconds(30) });
        await _transitions.NextAsync(UserDataState.Reconnecting);
        Assert.IsType<OrderOutcomeUnknown>(await engine.PlaceOrderAsync(Buy("dropped-ws-1")));
        await Binance.Faults.ClearAsync();
        await _transitions.NextAsync(UserDataState.Subscribed);

        // The fill came while no session was open: only the query the resumed stream asked for can have found it.
        var settled = await engine.WaitForFinalAsync("dropped-ws-1").WaitAsync(Bound);
        Assert.Equal((OrderLife.Filled, 0.01m), (settled.Life, settled.Report?.FilledQuantity));
        Assert.Empty((await RecordAsync(host, "dropped-ws-1")).Trades);
        await host.StopAsync();
    }

    private static async Task<OrderRecord> RecordAsync(IHost host, string clientOrderId)
    {
        var orders = host.Services.GetRequiredService<ActorRegistry>().Get<TradingEngineHosting.Keys.Orders>();
        var found = await orders.Ask<OrderLedger.Order>(new OrderLedger.GetOrder(clientOrderId), TimeSpan.FromSeconds(5));
        return found.Record ?? throw new XunitException($"the ledger holds no record of {clientOrderId}");
    }
}
