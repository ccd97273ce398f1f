using System.Text;
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

namespace TradingActors.IntegrationTests.Orders;

/// <summary>
/// The user data stream in Bybit's and in Kraken's protocol, as a host runs it, against the simulator speaking
/// that dialect over a real socket. The ledger's own queries wait 30s, so whatever settles an order within the
/// specs' bounds came from the stream, or from the queries a resumed stream asked for.
/// </summary>
public sealed class UserDataDialectSpecs : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly string _ledgerFile = Path.Combine(Path.GetTempPath(), $"trading-ledger-{Guid.NewGuid():N}", "orders.db");
    private readonly UserDataTransitions _transitions = new();
    private ExchangeSimulator? _simulator;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_simulator is not null)
            await _simulator.DisposeAsync();
    }

    public static TheoryData<ExchangeDialect> Dialects => [ExchangeDialect.Bybit, ExchangeDialect.Kraken];

    private async Task<(IHost Host, SimulatedExchange Exchange)> Start(ExchangeDialect dialect)
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("venue") { Dialect = dialect }],
            TickInterval = TimeSpan.Zero,
        });
        var exchange = _simulator.Exchanges["venue"];
        var (protocol, secret) = dialect == ExchangeDialect.Kraken
            ? ("kraken", Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountOptions.Default.Secret)))
            : ("bybit", AccountOptions.Default.Secret);
        var host = TradingHost.Build($$"""
            akka.loglevel = WARNING
            trading {
              exchanges.venue {
                call-timeout = 2s
                endpoint {
                  url = "{{exchange.BaseAddress}}", api-key = "{{AccountOptions.Default.ApiKey}}", api-secret = "{{secret}}", protocol = {{protocol}}
                  user-data-min-backoff = 200ms, user-data-max-backoff = 1s
                }
              }
              orders { sqlite-file = "{{_ledgerFile}}", min-backoff = 30s, max-backoff = 30s, check-interval = 1h }
              facade.margin = 10s
            }
            """, _transitions.Watch);
        await host.StartAsync();
        await _transitions.NextAsync(UserDataState.Subscribed);
        return (host, exchange);
    }

    private static PlaceOrder Buy(string id, decimal? limit = null) => new("venue", "BTCUSDT", OrderSide.Buy, 0.01m, limit, id);

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_resting_limit_order_that_the_price_walk_fills_is_settled_filled_by_the_stream(ExchangeDialect dialect)
    {
        var (host, exchange) = await Start(dialect);
        using var _ = host;
        var engine = host.Services.GetRequiredService<ITradingEngine>();
        var limit = decimal.Round(await PriceWalk.PriceAsync(engine, "venue") * 0.999m, 2);

        Assert.Equal(OrderState.New, Replies.Is<OrderPlaced>(await engine.PlaceOrderAsync(Buy("resting-1", limit))).Report.State);
        await PriceWalk.DownToAsync(engine, "venue", exchange, limit);

        var settled = await engine.WaitForFinalAsync("resting-1").WaitAsync(Bound);
        Assert.Equal((OrderLife.Filled, 0.01m, limit), (settled.Life, settled.Report?.FilledQuantity, settled.Report?.AveragePrice));
        await host.StopAsync();
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_dropped_stream_connects_and_subscribes_again(ExchangeDialect dialect)
    {
        var (host, exchange) = await Start(dialect);
        using var _ = host;

        await exchange.Faults.SetAsync(new FaultSettings { UserDataDrop = true });
        await _transitions.NextAsync(UserDataState.Reconnecting);
        await exchange.Faults.ClearAsync();

        await _transitions.NextAsync(UserDataState.Subscribed);
        await host.StopAsync();
    }
}
