using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.Node.Configuration;

/// <summary>
/// The node's configuration file, read and checked before anything starts, so that a bad value stops
/// the node with its HOCON path rather than halfway through start-up.
/// </summary>
/// <param name="Simulator">The in-process simulator's options; null with --no-sim.</param>
public sealed record NodeConfiguration(string Source, Config Config, NodeSettings Node, SimulatorOptions? Simulator)
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf");

    /// <param name="path">The file to read instead of hocon/node.conf; null for that one.</param>
    /// <param name="withSimulator">False with --no-sim: the exchanges must then have endpoints of their own.</param>
    public static NodeConfiguration Load(string? path, bool withSimulator, Func<string, string?> environment)
    {
        var source = path ?? DefaultPath;
        return FromText(source, Read(source), withSimulator, environment);
    }

    /// <param name="source">Where <paramref name="text"/> came from, for the messages.</param>
    public static NodeConfiguration FromText(string source, string text, bool withSimulator, Func<string, string?> environment)
    {
        var config = Parse(source, text);
        var trading = TradingSettings.From(config);
        if (!withSimulator && trading.Endpoints.Count == 0)
            throw new NodeStartException(
                $"{source} gives no exchange an endpoint: with --no-sim set trading.exchanges.<name>.endpoint.url for each exchange.");
        return new NodeConfiguration(
            source,
            config,
            NodeSettings.From(config, environment),
            withSimulator ? SimulatorOptions.FromHocon(text) : null);
    }

    private static string Read(string source)
    {
        try
        {
            return File.ReadAllText(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeStartException($"Cannot read the configuration: {e.Message}");
        }
    }

    private static Config Parse(string source, string text)
    {
        try
        {
            return ConfigurationFactory.ParseString(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new NodeStartException($"{source} is not HOCON that Akka can read: {e.Message}");
        }
    }
}
