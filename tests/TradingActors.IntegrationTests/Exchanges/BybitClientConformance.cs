using TradingActors.Exchanges;
using TradingActors.Exchanges.Bybit;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>The Bybit client against the simulator speaking Bybit v5, over a real loopback socket, with the simulator's faults.</summary>
public sealed class BybitClientConformance(ITestOutputHelper output) : ExchangeClientConformance(output), IAsyncLifetime
{
    private ExchangeSimulator? _simulator;
    private BybitClient? _client;

    protected override async Task<IExchangeClient> ExchangeIn(Condition condition)
    {
        var account = condition == Condition.PoorAccount
            ? AccountOptions.Default with { Balances = new Dictionary<string, decimal> { ["USDT"] = 1m, ["BTC"] = 0m } }
            : AccountOptions.Default;
        // The suite names its exchange "binance": only a label here, the exchange speaks Bybit.
        var exchange = new ExchangeOptions("binance") { Dialect = ExchangeDialect.Bybit, Accounts = [account] };
        if (condition == Condition.RateLimited)
            exchange = exchange with { WeightLimit = new WeightLimitOptions { Budget = 1 } };
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Exchanges = [exchange], TickInterval = TimeSpan.Zero });
        var bybit = _simulator.Exchanges["binance"];
        var faults = condition switch
        {
            Condition.Down => new FaultSettings { Outage = true },
            Condition.OrdersFailAfterExecuting => new FaultSettings { Order5xxAfterExecution = 1 },
            Condition.Malformed => new FaultSettings { Malformed = 1 },
            _ => null,
        };
        if (faults is not null)
            await bybit.Faults.SetAsync(faults);
        if (condition == Condition.RateLimited)
            await new HttpClient().GetAsync(new Uri(bybit.BaseAddress, "/v5/market/time"));
        _client = new BybitClient(new BybitSettings(bybit.BaseAddress, AccountOptions.Default.ApiKey, AccountOptions.Default.Secret,
            RecvWindow: TimeSpan.FromSeconds(5), ConnectTimeout: TimeSpan.FromSeconds(2), RequestTimeout: TimeSpan.FromSeconds(10)));
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
