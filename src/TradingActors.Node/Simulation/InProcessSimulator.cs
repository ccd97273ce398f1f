using System.Text.Json;
using Akka.Configuration;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.Node.Simulation;

/// <summary>The simulator the node starts for itself, and the engine's endpoints pointed at it.</summary>
internal static class InProcessSimulator
{
    /// <summary>
    /// Starts every exchange on a free port: the configured ports are where a simulator started on its
    /// own listens for a node run with --no-sim, and the demo must not collide with one. The schedule
    /// is left to <see cref="FaultScript"/>, which starts it with the trading.
    /// </summary>
    public static Task<ExchangeSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellation) =>
        ExchangeSimulator.StartAsync(
            options with { Exchanges = options.Exchanges.Select(exchange => exchange with { Port = 0 }).ToList(), Schedule = [] },
            cancellation);

    /// <summary>
    /// <paramref name="config"/> with each simulated exchange's endpoint at the simulator's address; an
    /// endpoint without a key pair of its own signs with the simulator's default account.
    /// </summary>
    public static Config PointEndpointsAt(ExchangeSimulator simulator, Config config)
    {
        var addresses = string.Join('\n', simulator.Exchanges.Values.Select(exchange =>
            $"trading.exchanges.{exchange.Name}.endpoint.url = {Quoted(exchange.BaseAddress.ToString())}"));
        var keys = string.Join('\n', simulator.Exchanges.Keys.Select(name =>
            $"trading.exchanges.{name}.endpoint {{ api-key = {Quoted(AccountOptions.Default.ApiKey)}, api-secret = {Quoted(AccountOptions.Default.Secret)} }}"));
        return ConfigurationFactory.ParseString(addresses).WithFallback(config).WithFallback(ConfigurationFactory.ParseString(keys));
    }

    // A JSON string is a HOCON string.
    private static string Quoted(string text) => JsonSerializer.Serialize(text);
}
