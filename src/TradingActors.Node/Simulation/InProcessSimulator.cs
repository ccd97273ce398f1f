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
    /// own listens for a node run with --no-sim, and the demo must not collide with one. The first node
    /// of a cluster keeps the configured ports instead: the nodes that join it trade there. The schedule
    /// is left to <see cref="FaultScript"/>, which starts it with the trading.
    /// </summary>
    public static Task<ExchangeSimulator> StartAsync(SimulatorOptions options, bool onConfiguredPorts, CancellationToken cancellation) =>
        ExchangeSimulator.StartAsync(
            options with
            {
                Exchanges = onConfiguredPorts ? options.Exchanges : options.Exchanges.Select(exchange => exchange with { Port = 0 }).ToList(),
                Schedule = [],
            },
            cancellation);

    /// <summary>
    /// <paramref name="config"/> with each traded exchange's endpoint at the simulator's address (an endpoint
    /// without a key pair of its own signs with the simulator's default account, its secret in base64 for
    /// Kraken), and each feed's stream URL moved from the port configured for a simulated exchange to the port
    /// that exchange really took.
    /// The traded exchanges are the simulated ones that <c>trading.exchanges</c> names, or all when it names none
    /// (a simulated venue can then serve market data only, as the demo's binance-backup does).
    /// </summary>
    public static Config PointEndpointsAt(ExchangeSimulator simulator, SimulatorOptions options, Config config)
    {
        var traded = Traded(options, config).ToList();
        var addresses = traded.Select(exchange =>
            $"trading.exchanges.{exchange.Name}.endpoint.url = {Quoted(simulator.Exchanges[exchange.Name].BaseAddress.ToString())}");
        var keys = string.Join('\n', traded.Select(exchange =>
            $"trading.exchanges.{exchange.Name}.endpoint {{ api-key = {Quoted(AccountOptions.Default.ApiKey)}, api-secret = {Quoted(SecretFor(exchange))} }}"));
        var streams = StreamsByConfiguredPort(simulator, options);
        var feeds = FeedUrls(config).Select(url => (url.Path, Moved: streams.TryGetValue(url.Value.Port, out var stream)
                ? new Uri(stream, url.Value.PathAndQuery) : url.Value))
            .Select(url => $"{url.Path} = {Quoted(url.Moved.ToString())}");
        return ConfigurationFactory.ParseString(string.Join('\n', addresses.Concat(feeds)))
            .WithFallback(config).WithFallback(ConfigurationFactory.ParseString(keys));
    }

    /// <summary>The simulated exchanges the engine trades on: those <c>trading.exchanges</c> names, or all when it names none.</summary>
    public static IReadOnlyList<ExchangeOptions> Traded(SimulatorOptions options, Config config)
    {
        var named = options.Exchanges.Where(exchange => config.HasPath($"trading.exchanges.{exchange.Name}")).ToList();
        return named.Count > 0 ? named : options.Exchanges;
    }

    private static Dictionary<int, Uri> StreamsByConfiguredPort(ExchangeSimulator simulator, SimulatorOptions options) =>
        options.Exchanges.Where(exchange => exchange.Port != 0)
            .ToDictionary(exchange => exchange.Port, exchange => simulator.Exchanges[exchange.Name].WebSocketAddress);

    private static IEnumerable<(string Path, Uri Value)> FeedUrls(Config config)
    {
        if (!config.HasPath("trading.feeds"))
            yield break;
        foreach (var feed in config.GetConfig("trading.feeds").AsEnumerable().Select(entry => entry.Key))
            foreach (var key in new[] { "primary", "backup" })
            {
                var path = $"trading.feeds.{feed}.{key}";
                if (config.HasPath(path) && Uri.TryCreate(config.GetString(path), UriKind.Absolute, out var url))
                    yield return (path, url);
            }
    }

    // Kraken hands its private keys out in base64, and the simulator's Kraken dialect signs with the bytes the text stands for.
    private static string SecretFor(ExchangeOptions exchange) => exchange.Dialect == ExchangeDialect.Kraken
        ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(AccountOptions.Default.Secret))
        : AccountOptions.Default.Secret;

    // A JSON string is a HOCON string.
    private static string Quoted(string text) => JsonSerializer.Serialize(text);
}
