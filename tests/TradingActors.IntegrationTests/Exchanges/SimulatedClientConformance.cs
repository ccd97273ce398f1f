using TradingActors.Exchanges;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>
/// The conformance suite for an HTTP client against the simulator speaking its dialect, over a real loopback
/// socket: each condition is made the simulator's way (an account, a fault, a spent rate limit), the same for all.
/// The suite names its exchange "binance": only a label here, whatever the dialect.
/// </summary>
public abstract class SimulatedClientConformance(ITestOutputHelper output, ExchangeDialect dialect)
    : ExchangeClientConformance(output), IAsyncLifetime
{
    private ExchangeSimulator? _simulator;
    private IExchangeClient? _client;

    /// <summary>The client under test, on the simulated exchange at <paramref name="address"/>.</summary>
    protected abstract IExchangeClient Connect(Uri address);

    /// <summary>Spends the exchange's rate limit of one request: what the dialect counts, it counts first.</summary>
    protected abstract Task SpendRateLimit(Uri address, IExchangeClient client);

    protected override async Task<IExchangeClient> ExchangeIn(Condition condition)
    {
        var account = condition == Condition.PoorAccount
            ? AccountOptions.Default with { Balances = new Dictionary<string, decimal> { ["USDT"] = 1m, ["BTC"] = 0m } }
            : AccountOptions.Default;
        var exchange = new ExchangeOptions("binance") { Dialect = dialect, Accounts = [account] };
        if (condition == Condition.RateLimited)
            exchange = exchange with { WeightLimit = new WeightLimitOptions { Budget = 1 } };
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Exchanges = [exchange], TickInterval = TimeSpan.Zero });
        var simulated = _simulator.Exchanges["binance"];
        var faults = condition switch
        {
            Condition.Down => new FaultSettings { Outage = true },
            Condition.OrdersFailAfterExecuting => new FaultSettings { Order5xxAfterExecution = 1 },
            Condition.Malformed => new FaultSettings { Malformed = 1 },
            _ => null,
        };
        if (faults is not null)
            await simulated.Faults.SetAsync(faults);
        _client = Connect(simulated.BaseAddress);
        if (condition == Condition.RateLimited)
            await SpendRateLimit(simulated.BaseAddress, _client);
        return _client;
    }

    ValueTask IAsyncLifetime.InitializeAsync() => ValueTask.CompletedTask;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        (_client as IDisposable)?.Dispose();
        if (_simulator is not null)
            await _simulator.DisposeAsync();
    }
}
