using System.Text;
using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.Node.Simulation;

namespace TradingActors.Node.Configuration;

/// <summary>
/// The node's configuration file, read and checked before anything starts, so that a bad value stops
/// the node with its HOCON path rather than halfway through start-up.
/// </summary>
/// <param name="Simulator">The in-process simulator's options; null with --no-sim.</param>
/// <param name="Clustered">In cluster mode: with --cluster or --join, or by the configuration's own <c>trading.cluster.enabled</c>.</param>
public sealed record NodeConfiguration(string Source, Config Config, NodeSettings Node, SimulatorOptions? Simulator, bool Clustered)
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf");

    /// <summary>Cluster mode's configuration, read over the node's with --cluster or --join.</summary>
    public static string ClusterPath => Path.Combine(AppContext.BaseDirectory, "hocon", "cluster.conf");

    /// <param name="path">The file to read instead of hocon/node.conf; null for that one.</param>
    /// <param name="withSimulator">False with --no-sim: the exchanges must then have endpoints of their own.</param>
    /// <param name="cluster">With --cluster or --join: how this node takes part in the cluster; null, it runs alone.</param>
    /// <param name="rateBudgets">With --rate-budgets: every endpoint keeps within its exchange's rate limits, whatever the file says.</param>
    public static NodeConfiguration Load(string? path, bool withSimulator, Func<string, string?> environment, NodeClustering? cluster = null,
        bool rateBudgets = false)
    {
        var source = path ?? DefaultPath;
        var overlay = cluster is null ? null : cluster.Overlay().WithFallback(HoconText.Parse(ClusterPath, Read(ClusterPath)));
        if (rateBudgets)
            overlay = RateBudgetsOn.WithFallback(overlay ?? Config.Empty);
        return FromText(source, Read(source), withSimulator, environment, overlay);
    }

    private static readonly Config RateBudgetsOn = ConfigurationFactory.ParseString("trading.endpoint-defaults.rate-budget = on");

    /// <param name="source">Where <paramref name="text"/> came from, for the messages.</param>
    /// <param name="overlay">Read over <paramref name="text"/>: cluster mode's settings, with --cluster or --join.</param>
    public static NodeConfiguration FromText(string source, string text, bool withSimulator, Func<string, string?> environment, Config? overlay = null)
    {
        var config = HoconText.Parse(source, text);
        if (config.IsEmpty)
            throw new NodeStartException($"{source} is empty: it holds no settings.");
        if (overlay is not null)
            config = overlay.WithFallback(config);
        new SettingsReader(config, "").RejectUnknownKeys(Sections);
        var trading = TradingSettings.From(config);
        if (!withSimulator && trading.Endpoints.Count == 0)
            throw new NodeStartException(
                $"{source} gives no exchange an endpoint: with --no-sim set trading.exchanges.<name>.endpoint.url for each exchange.");
        var node = NodeSettings.From(config, environment);
        var simulator = withSimulator ? SimulatorOptions.FromHocon(text) : null;
        if (simulator is not null)
            RefuseSymbolNotListed(node, InProcessSimulator.Traded(simulator, config));
        return new NodeConfiguration(source, config, node, simulator, trading.Cluster.Enabled);
    }

    // akka: a host's own Akka settings, which Akka itself reads.
    private static readonly string[] Sections = [TradingSettings.Section, "exchange-sim", NodeSettings.Section, "akka"];

    /// <summary>The trader trades its symbol on every traded exchange: one that does not list it would refuse every order.</summary>
    private static void RefuseSymbolNotListed(NodeSettings node, IEnumerable<ExchangeOptions> traded)
    {
        if (traded.FirstOrDefault(exchange => exchange.Symbols.All(listed => listed.Symbol != node.Symbol)) is { } exchange)
            throw new SettingsException($"{NodeSettings.Section}.symbol", node.Symbol,
                $"{exchange.Name} does not list it; it lists {string.Join(", ", exchange.Symbols.Select(listed => listed.Symbol))}");
    }

    private static string Read(string source)
    {
        if (Directory.Exists(source))
            throw new NodeStartException($"Cannot read the configuration: {source} is a directory, not a file.");
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(source));
        }
        catch (DecoderFallbackException)
        {
            throw new NodeStartException($"Cannot read the configuration: {source} is not a text file (it holds bytes that are not UTF-8).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeStartException($"Cannot read the configuration: {e.Message}");
        }
    }
}
