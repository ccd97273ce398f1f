using System.Text;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Kraken;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>The Kraken client against the simulator speaking Kraken's dialect, over a real loopback socket, with the simulator's faults.</summary>
public sealed class KrakenClientConformance(ITestOutputHelper output) : ExchangeClientConformance(output), IAsyncLifetime
{
    // The simulator's account secret is not base64, so its Kraken key is its UTF-8 bytes, which the client holds as base64.
    private static readonly string KrakenSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountOptions.Default.Secret));

    private ExchangeSimulator? _simulator;
    private KrakenClient? _client;

    protected override async Task<IExchangeClient> ExchangeIn(Condition condition)
    {
        var account = condition == Condition.PoorAccount
            ? AccountOptions.Default with { Balances = new Dictionary<string, decimal> { ["USDT"] = 1m, ["BTC"] = 0m } }
            : AccountOptions.Default;
        var exchange = new ExchangeOptions("binance") { Dialect = ExchangeDialect.Kraken, Accounts = [account] };
        if (condition == Condition.RateLimited)
            exchange = exchange with { WeightLimit = new WeightLimitOptions { Budget = 1 } };
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Exchanges = [exchange], TickInterval = TimeSpan.Zero });
        var kraken = _simulator.Exchanges["binance"];
        var faults = condition switch
        {
            Condition.Down => new FaultSettings { Outage = true },
            Condition.OrdersFailAfterExecuting => new FaultSettings { Order5xxAfterExecution = 1 },
            Condition.Malformed => new FaultSettings { Malformed = 1 },
            _ => null,
        };
        if (faults is not null)
            await kraken.Faults.SetAsync(faults);
        _client = new KrakenClient(new KrakenSettings(kraken.BaseAddress, AccountOptions.Default.ApiKey, KrakenSecret,
            ConnectTimeout: TimeSpan.FromSeconds(2), RequestTimeout: TimeSpan.FromSeconds(10)));
        // Kraken's trading counter holds one order at this budget: the first one fills it, and it decays over a minute.
        if (condition == Condition.RateLimited)
            await _client.PlaceOrderAsync(PlaceOrder.WithNewId("binance", "BTCUSDT", OrderSide.Buy, 0.01m), CancellationToken.None);
        return _client;
    }

    ValueTask IAsyncLifetime.InitializeAsync() => ValueTask.CompletedTask;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        _client?.Dispose();
        if (_simulator is not null)
            await _simulator.DisposeAsync();
    }
}
