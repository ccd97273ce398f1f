using Akka.Configuration;
using TradingActors.Configuration;

namespace TradingActors.Node.Configuration;

/// <summary>The demo node's own settings, from the <c>node</c> section of its configuration.</summary>
/// <param name="Duration">How long the node runs before it stops with a summary; zero: until Ctrl+C.</param>
/// <param name="AdminToken">The bearer token of the admin commands; null turns them off.</param>
public sealed record NodeSettings(
    TimeSpan Duration,
    TimeSpan Tick,
    int OrderEvery,
    string Symbol,
    decimal Quantity,
    TimeSpan Refresh,
    TimeSpan StatusInterval,
    int HttpPort,
    string? AdminToken)
{
    public const string Section = "node";
    public const string AdminTokenVariable = "TRADINGACTORS_ADMIN_TOKEN";

    /// <param name="environment">Reads an environment variable; the admin token there wins over the file's.</param>
    public static NodeSettings From(Config config, Func<string, string?> environment)
    {
        var node = new SettingsReader(config, Section);
        node.RejectUnknownKeys(["duration", "tick", "order-every", "symbol", "quantity", "refresh", "status-interval", "http"]);
        var http = node.Section("http");
        http.RejectUnknownKeys(["port", "admin-token"]);
        return new NodeSettings(
            node.Duration("duration", zeroAllowed: true),
            node.Duration("tick"),
            node.Int("order-every", min: 1),
            node.String("symbol"),
            node.Decimal("quantity", min: 0.00000001m),
            node.Duration("refresh"),
            node.Duration("status-interval"),
            http.Int("port", min: 0, max: 65535),
            environment(AdminTokenVariable) is { Length: > 0 } token ? token : http.Optional("admin-token"));
    }
}
