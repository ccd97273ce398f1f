using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Remote.Hosting;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Hosting;

namespace TradingActors.Cluster;

/// <summary>
/// Cluster mode's wiring (<c>trading.cluster.enabled = on</c>): remoting on the configured address, the node in the cluster,
/// and the exchanges' breakers as one shard region, each breaker with its connector and its replicated memory.
/// </summary>
internal static class EngineCluster
{
    /// <param name="connectors">Each exchange's connector on a node: the breaker started there for it supervises that one.</param>
    public static AkkaConfigurationBuilder WithEngineCluster(
        this AkkaConfigurationBuilder builder, TradingSettings settings, Func<ActorSystem, Func<string, Props?>> connectors)
    {
        var cluster = settings.Cluster;
        builder
            .WithRemoting(cluster.Hostname, cluster.Port)
            .WithClustering(new ClusterOptions { SeedNodes = [.. cluster.SeedNodes], Roles = [.. cluster.Roles] })
            .WithShardRegion<TradingEngineHosting.Keys.Breakers>(BreakerShards.TypeName, (system, _, _) =>
                {
                    var memory = system.ActorOf(ReplicatedBreakerMemory.Props(cluster.StateTimeout), ReplicatedBreakerMemory.Name);
                    var connectorOf = connectors(system);
                    // The registry sends only requests for exchanges it can reach, so every entity has its connector.
                    return exchange => CircuitBreaker.Compact(exchange, settings.For(exchange),
                        connectorOf(exchange) ?? throw new InvalidOperationException($"no connector for exchange '{exchange}'"), memory, system);
                },
                new BreakerShards(),
                // A breaker holds state for as long as its exchange is traded: it is never passivated for being idle. Where the
                // shards are is kept in Distributed Data too: the coordinator needs no journal, and no node's files.
                new ShardOptions { Role = cluster.BreakerRole, ShouldPassivateIdleEntities = false, StateStoreMode = StateStoreMode.DData });
        // No node to join: this one starts the cluster, and the others name it as their seed.
        if (cluster.SeedNodes.Count == 0)
            builder.AddStartup((system, _) => Akka.Cluster.Cluster.Get(system).Join(Akka.Cluster.Cluster.Get(system).SelfAddress));
        return builder;
    }
}
