using Akka.Actor;

namespace TradingActors.Configuration;

/// <summary>
/// Cluster mode (<c>trading.cluster</c>, README "Beyond one node"): on, each exchange's breaker is a Cluster.Sharding
/// entity, one in the whole cluster, and its state outlives the node that hosts it. Off, no cluster code starts.
/// </summary>
/// <param name="Port">0: a free port chosen at start, told by the node's address.</param>
/// <param name="SeedNodes">The nodes to join; empty: this node starts a cluster of its own for others to join.</param>
/// <param name="BreakerRole">Only nodes with this role host breakers; empty: every node does.</param>
/// <param name="HandOverPatience">Beyond twice an exchange's call timeout (a queued call's wait and its call): how long a node waits
/// for the answer of a breaker on another node, or one that is moving, before it answers the request itself.</param>
/// <param name="StateTimeout">How long writing or reading a breaker's state waits for a majority of the nodes.</param>
public sealed record ClusterSettings(
    bool Enabled,
    string Hostname,
    int Port,
    IReadOnlyList<string> SeedNodes,
    IReadOnlyList<string> Roles,
    string? BreakerRole,
    TimeSpan HandOverPatience,
    TimeSpan StateTimeout)
{
    internal static ClusterSettings Read(SettingsReader cluster)
    {
        var seeds = cluster.Strings("seed-nodes");
        foreach (var seed in seeds)
            if (!ActorPath.TryParseAddress(seed, out var address) || address.Port is null or 0)
                throw cluster.Invalid("seed-nodes", $"'{seed}' is not a node's address, such as akka.tcp://trading@127.0.0.1:4053");
        var hostname = cluster.String("hostname");
        if (string.IsNullOrWhiteSpace(hostname))
            throw cluster.Invalid("hostname", "expected the host name or IP address other nodes reach this one at");
        return new ClusterSettings(
            cluster.Bool("enabled"),
            hostname,
            cluster.Int("port", min: 0, max: 65535),
            seeds,
            cluster.Strings("roles"),
            cluster.Optional("breaker-role") is { Length: > 0 } role ? role : null,
            cluster.Duration("hand-over-patience"),
            cluster.Duration("state-timeout"));
    }
}
