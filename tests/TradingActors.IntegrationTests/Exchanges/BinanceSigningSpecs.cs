using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>The client signs from many threads at once: a host keeps tens of signed requests in flight to one exchange.</summary>
public sealed class BinanceSigningSpecs : IAsyncLifetime
{
    private ExchangeSimulator _simulator = null!;
    private BinanceClient _client = null!;

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("binance") { WeightLimit = new WeightLimitOptions { Budget = 1_000_000 } }],
            TickInterval = TimeSpan.Zero,
        });
        _client = new BinanceClient(new BinanceSettings(_simulator.Exchanges["binance"].BaseAddress, AccountOptions.Default.ApiKey,
            AccountOptions.Default.Secret, RecvWindow: TimeSpan.FromSeconds(5), ConnectTimeout: TimeSpan.FromSeconds(2),
            RequestTimeout: TimeSpan.FromSeconds(10)));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_signed_requests_all_carry_a_valid_signature()
    {
        var refusals = 0;
        await Parallel.ForAsync(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, cancellation) =>
        {
            try
            {
                await _client.GetOpenOrdersAsync(new GetOpenOrders("binance"), cancellation);
            }
            catch (ExchangeRejectionException rejection) when (rejection.Reason == RejectionReason.Unauthorized)
            {
                Interlocked.Increment(ref refusals);
            }
        });

        Assert.Equal(0, refusals);
    }
}
