using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingActors.Breaker;
using TradingActors.Registry;

namespace TradingActors.Hosting;

/// <summary>
/// The engine in the host's health checks (<c>services.AddHealthChecks()</c>, <c>MapHealthChecks</c>): healthy while
/// every exchange takes orders, degraded while some cannot (open, isolated), unhealthy when none can. Its data
/// gives each exchange's breaker state.
/// </summary>
public sealed class EngineHealthCheck : IAkkaHealthCheck
{
    public const string Name = "trading-engine";

    public async Task<HealthCheckResult> CheckHealthAsync(AkkaHealthCheckContext context, CancellationToken cancellationToken)
    {
        var exchanges = await context.ActorRegistry.GetAsync<TradingEngineHosting.Keys.Exchanges>(cancellationToken);
        var statuses = await exchanges.Ask<ExchangeRegistry.Statuses>(ExchangeRegistry.GetStatuses.Instance, cancellationToken);
        return Of(statuses.Exchanges);
    }

    /// <summary>The health of an engine whose breakers are in these states.</summary>
    public static HealthCheckResult Of(IReadOnlyList<CircuitBreaker.Summary> statuses)
    {
        var data = statuses.ToDictionary(status => status.Exchange, object (status) => status.State.ToString());
        var cannot = statuses.Where(status => !TakesOrders(status.State)).Select(status => $"{status.Exchange} is {status.State}").ToList();
        if (statuses.Count == 0)
            return HealthCheckResult.Unhealthy("no exchange is configured", data: data);
        if (cannot.Count == statuses.Count)
            return HealthCheckResult.Unhealthy($"no exchange can take orders: {string.Join(", ", cannot)}", data: data);
        if (cannot.Count > 0)
            return HealthCheckResult.Degraded($"{cannot.Count} of {statuses.Count} exchanges cannot take orders: {string.Join(", ", cannot)}", data: data);
        return HealthCheckResult.Healthy($"all {statuses.Count} exchanges take orders", data);
    }

    // HalfOpen admits its trials and MetricsOnly admits everything; Open and Isolated admit no order.
    private static bool TakesOrders(BreakerState state) =>
        state is BreakerState.Closed or BreakerState.HalfOpen or BreakerState.MetricsOnly;
}
