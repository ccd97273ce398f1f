namespace TradingActors.ExchangeSim.Faults;

/// <summary>
/// The faults an exchange injects while they are set. Shares are probabilities (0 never, 1 always),
/// drawn from the simulator's seed. Each property has a HOCON key of the same name in kebab case
/// (<c>Order5xxAfterExecution</c> is <c>order-5xx-after-execution</c>).
/// </summary>
public sealed record FaultSettings
{
    /// <summary>No fault: the exchange behaves.</summary>
    public static FaultSettings None { get; } = new();

    /// <summary>Added to every REST request before it is handled.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Up to this much more latency, drawn per request.</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>Share of REST requests that are never answered (until the client gives up or the exchange stops).</summary>
    public double Hang { get; init; }

    /// <summary>Share of order placements answered 503 (-1007) without executing.</summary>
    public double Order5xx { get; init; }

    /// <summary>Share of order placements that execute and are then answered 503 (-1007).</summary>
    public double Order5xxAfterExecution { get; init; }

    /// <summary>Share of other REST requests answered 503 (-1007).</summary>
    public double Other5xx { get; init; }

    /// <summary>Share of successful replies whose JSON body is truncated, empty or garbage (status stays 200).</summary>
    public double Malformed { get; init; }

    /// <summary>When positive, every order placement executes and its reply is held back this long.</summary>
    public TimeSpan GhostFillDelay { get; init; }

    /// <summary>For this long after an order was created, querying it answers -2013 (the exchange's eventual consistency).</summary>
    public TimeSpan OrderQueryLag { get; init; }

    /// <summary>The exchange's port is closed: connections are refused until the outage ends.</summary>
    public bool Outage { get; init; }

    /// <summary>Overrides the configured request-weight budget while set.</summary>
    public int? WeightBudget { get; init; }

    /// <summary>WebSocket streams are aborted at their next frame.</summary>
    public bool WsDrop { get; init; }

    /// <summary>WebSocket streams stay open but send no frames (the framework's pings go on).</summary>
    public bool WsStall { get; init; }

    /// <summary>Share of trade frames replaced by text that is not JSON.</summary>
    public double WsGarbage { get; init; }

    /// <summary>WebSocket API sessions (the user data stream) are closed at once, and any opened meanwhile as soon as it opens.</summary>
    public bool UserDataDrop { get; init; }

    /// <summary>
    /// WebSocket API sessions stay open and answer requests, but send no user data event; the events of
    /// the meantime are lost, not delayed.
    /// </summary>
    public bool UserDataStall { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero, nameof(Latency));
        ArgumentOutOfRangeException.ThrowIfLessThan(Jitter, TimeSpan.Zero, nameof(Jitter));
        ArgumentOutOfRangeException.ThrowIfLessThan(GhostFillDelay, TimeSpan.Zero, nameof(GhostFillDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(OrderQueryLag, TimeSpan.Zero, nameof(OrderQueryLag));
        if (WeightBudget is { } budget)
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget, nameof(WeightBudget));
        ValidateShare(Hang, nameof(Hang));
        ValidateShare(Order5xx, nameof(Order5xx));
        ValidateShare(Order5xxAfterExecution, nameof(Order5xxAfterExecution));
        ValidateShare(Other5xx, nameof(Other5xx));
        ValidateShare(Malformed, nameof(Malformed));
        ValidateShare(WsGarbage, nameof(WsGarbage));
    }

    private static void ValidateShare(double share, string name)
    {
        if (share is not (>= 0 and <= 1))
            throw new ArgumentOutOfRangeException(name, share, "A share is between 0 and 1.");
    }
}
