using TradingActors.ExchangeSim.Faults;

namespace TradingActors.Node.Simulation;

/// <summary>The faults an exchange injects, in the words of the simulator's HOCON keys.</summary>
internal static class FaultText
{
    public static string Describe(FaultSettings faults)
    {
        var parts = new List<string>();
        if (faults.Outage) parts.Add("outage");
        if (faults.Latency > TimeSpan.Zero) parts.Add($"latency {Millis(faults.Latency)}" + (faults.Jitter > TimeSpan.Zero ? $"+{Millis(faults.Jitter)}" : ""));
        if (faults.WeightBudget is { } budget) parts.Add($"weight-budget {budget}");
        if (faults.Hang > 0) parts.Add($"hang {faults.Hang:P0}");
        if (faults.Order5xx > 0) parts.Add($"order-5xx {faults.Order5xx:P0}");
        if (faults.Order5xxAfterExecution > 0) parts.Add($"order-5xx-after-execution {faults.Order5xxAfterExecution:P0}");
        if (faults.Other5xx > 0) parts.Add($"other-5xx {faults.Other5xx:P0}");
        if (faults.Malformed > 0) parts.Add($"malformed {faults.Malformed:P0}");
        if (faults.GhostFillDelay > TimeSpan.Zero) parts.Add($"ghost-fill-delay {Millis(faults.GhostFillDelay)}");
        if (faults.OrderQueryLag > TimeSpan.Zero) parts.Add($"order-query-lag {Millis(faults.OrderQueryLag)}");
        if (faults.WsDrop) parts.Add("ws-drop");
        if (faults.WsStall) parts.Add("ws-stall");
        if (faults.WsGarbage > 0) parts.Add($"ws-garbage {faults.WsGarbage:P0}");
        return string.Join(", ", parts);
    }

    private static string Millis(TimeSpan time) => $"{time.TotalMilliseconds:0}ms";
}
