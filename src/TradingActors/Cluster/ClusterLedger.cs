using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Akka.Event;
using TradingActors.Configuration;
using TradingActors.Orders;

namespace TradingActors.Cluster;

/// <summary>
/// Cluster mode's order ledger: one in the whole cluster, a cluster singleton on the oldest node, so that every order has one
/// owner and is reconciled once. Every node's engine reaches it through a proxy. When its node goes, the next oldest starts it
/// from the shared journal, and, as at any start, it reconciles every order not yet final before their exchange takes new ones.
/// </summary>
internal static class ClusterLedger
{
    private const string ProxyName = "orders-proxy";

    /// <returns>The proxy: where this node's orders go.</returns>
    public static IActorRef Start(IActorContext context, Props ledger, TradingSettings settings)
    {
        if (settings.Orders.Journal == OrderLedgerSettings.Sqlite)
            context.GetLogger().Warning(
                "Order ledger: cluster mode journals to the SQLite file {File}, which only the nodes of one machine can share; " +
                "nodes on several machines need a shared database, such as PostgreSQL (README, \"Beyond one node\")", settings.Orders.SqliteFile);
        // The singleton's settings live in Akka.Cluster.Tools' own reference configuration, which nothing else loads.
        context.System.Settings.InjectTopLevelFallback(ClusterSingleton.DefaultConfig());
        var role = settings.Cluster.BreakerRole;
        var manager = context.ActorOf(ClusterSingletonManager.Props(ledger, PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(context.System).WithRole(role)), OrderLedger.Name);
        return context.ActorOf(ClusterSingletonProxy.Props(manager.Path.ToStringWithoutAddress(),
            ClusterSingletonProxySettings.Create(context.System).WithRole(role)), ProxyName);
    }
}
