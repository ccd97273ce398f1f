using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Tests.Support;

/// <summary>A one-exchange simulator ("binance", ephemeral port) whose market moves only when the test ticks it.</summary>
internal static class TestSimulator
{
    public const string Exchange = "binance";

    public static SimulatorOptions Options(Func<ExchangeOptions, ExchangeOptions>? configure = null) => new()
    {
        TickInterval = TimeSpan.Zero,
        Exchanges = [(configure ?? (exchange => exchange))(new ExchangeOptions(Exchange))],
    };

    public static Task<ExchangeSimulator> StartAsync(Func<ExchangeOptions, ExchangeOptions>? configure = null) =>
        ExchangeSimulator.StartAsync(Options(configure));

    public static SimulatedExchange Binance(this ExchangeSimulator simulator) => simulator.Exchanges[Exchange];
}
