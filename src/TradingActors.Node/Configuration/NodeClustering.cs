using Akka.Configuration;

namespace TradingActors.Node.Configuration;

/// <summary>
/// How the demo node takes part in a cluster on loopback. With --cluster it is the first node: the configured cluster port
/// (node.conf's 4053), and the simulated exchanges on their configured ports, for the nodes that join it to trade on.
/// With --join it joins the node at <see cref="Join"/> on a free cluster port and a free HTTP port, and trades on that
/// node's simulated exchanges.
/// </summary>
/// <param name="Join">The address of the node to join; null for the first node.</param>
public sealed record NodeClustering(string? Join)
{
    public Config Overlay() => Join is null
        ? Config.Empty
        : ConfigurationFactory.ParseString($$"""
            trading.cluster { port = 0, seed-nodes = [{{System.Text.Json.JsonSerializer.Serialize(Join)}}] }
            node.http.port = 0
            """);
}
