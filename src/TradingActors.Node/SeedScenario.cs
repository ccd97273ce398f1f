using Akka.Actor;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;

namespace TradingActors.Node;

/// <summary>
/// The seed's story on three in-memory exchanges, each failing its own way: binance goes down
/// for a while (it opens, half-opens and recovers), bybit fails every fourth call (the seed's
/// metrics run: isolated failures never open it), kraken turns slower than its call timeout.
/// </summary>
internal static class SeedScenario
{
    public const string Story = "binance down from 1 s to 3 s, bybit fails every 4th call, kraken slower than its timeout from 2 s to 9 s";

    public static IReadOnlyDictionary<string, IExchangeClient> Exchanges(IScheduler scheduler, string symbol) =>
        new Dictionary<string, IExchangeClient>
        {
            ["binance"] = new SimulatedExchangeClient(scheduler).WithPrice(symbol, 42_000)
                .WithFault(CallFilter.During(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)), new SimulatedFault.Fail(FailureKind.ServerError)),
            ["bybit"] = new SimulatedExchangeClient(scheduler).WithPrice(symbol, 42_010)
                .WithFault(CallFilter.EveryNth(4), new SimulatedFault.Fail(FailureKind.Timeout)),
            ["kraken"] = new SimulatedExchangeClient(scheduler).WithPrice(symbol, 41_990)
                .WithFault(CallFilter.During(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(9)), new SimulatedFault.Slow(TimeSpan.FromMilliseconds(800))),
        };
}
