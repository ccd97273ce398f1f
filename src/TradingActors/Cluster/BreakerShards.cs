using Akka.Cluster.Sharding;
using TradingActors.Breaker;
using TradingActors.Exchanges;

namespace TradingActors.Cluster;

/// <summary>
/// How requests and breaker commands find their exchange's breaker in the cluster: the exchange's name is the entity, and each
/// exchange is a shard of its own, so the exchanges spread over the nodes one by one and move one by one.
/// </summary>
internal sealed class BreakerShards : IMessageExtractor
{
    public const string TypeName = "trading-breakers";

    public string? EntityId(object message) => message switch
    {
        ExchangeRequest request => request.Exchange,
        CircuitBreaker.Command command => command.Exchange,
        CircuitBreaker.GetSummary summary => summary.Exchange,
        _ => null,
    };

    public object EntityMessage(object message) => message;

    public string? ShardId(object message) => EntityId(message);

    public string ShardId(string entityId, object? messageHint = null) => entityId;
}
