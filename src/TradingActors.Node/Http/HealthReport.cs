using TradingActors.Breaker;

namespace TradingActors.Node.Http;

/// <summary>
/// Whether the node can trade: healthy while at least one exchange's breaker lets orders through
/// (Closed, HalfOpen or MetricsOnly).
/// </summary>
public sealed record HealthReport(bool Healthy, IReadOnlyList<string> CanTakeOrders, IReadOnlyDictionary<string, BreakerState> CannotTakeOrders)
{
    public static HealthReport Of(IEnumerable<CircuitBreaker.Status> statuses)
    {
        var byAdmission = statuses.ToLookup(s => TakesOrders(s.State));
        var can = byAdmission[true].Select(s => s.Exchange).ToList();
        return new HealthReport(can.Count > 0, can, byAdmission[false].ToDictionary(s => s.Exchange, s => s.State));
    }

    private static bool TakesOrders(BreakerState state) =>
        state is BreakerState.Closed or BreakerState.HalfOpen or BreakerState.MetricsOnly;
}
