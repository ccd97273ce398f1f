using System.Text;
using TradingActors.Breaker;

namespace TradingActors.Node;

/// <summary>The registry's status as the seed prints it: one row per exchange.</summary>
internal static class StatusTable
{
    public static string Render(IEnumerable<CircuitBreaker.Status> statuses)
    {
        var table = new StringBuilder()
            .AppendLine("exchange   state      total     ok  failed  rejected  success  avg ms  p99 ms  transitions")
            .AppendLine(new string('-', 92));
        foreach (var s in statuses)
        {
            var m = s.Metrics;
            table.AppendLine(
                $"{s.Exchange,-10} {s.State,-9} {m.Total,6} {m.Successful,6} {m.Failed,7} {m.Rejected,9} {m.SuccessRate,7:0.0}% " +
                $"{m.AverageResponse.TotalMilliseconds,7:0.0} {m.P99.TotalMilliseconds,7:0.0}  " +
                string.Join(" ", m.Transitions.Select(t => $"{t.To}@{t.At:HH:mm:ss}")));
        }
        return table.ToString();
    }
}
