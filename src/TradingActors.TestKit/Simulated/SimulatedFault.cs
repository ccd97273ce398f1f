namespace TradingActors.Exchanges.Simulated;

/// <summary>Which calls a fault applies to, by the call's number (from 1) and the scheduler's clock.</summary>
public sealed record CallFilter(Func<int, TimeSpan, bool> Matches)
{
    public static CallFilter All { get; } = new((_, _) => true);

    /// <summary>Every <paramref name="n"/>th call: the nth, the 2nth, ...</summary>
    public static CallFilter EveryNth(int n) => new((call, _) => call % n == 0);

    /// <summary>Calls whose number is in the list.</summary>
    public static CallFilter Calls(params int[] numbers) => new((call, _) => numbers.Contains(call));

    /// <summary>Calls made from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive) after the client was created.</summary>
    public static CallFilter During(TimeSpan from, TimeSpan until) => new((_, elapsed) => elapsed >= from && elapsed < until);

    /// <summary>Calls after the first <paramref name="n"/>.</summary>
    public static CallFilter After(int n) => new((call, _) => call > n);
}

/// <summary>What a simulated exchange does to a call that a fault applies to.</summary>
public abstract record SimulatedFault
{
    /// <summary>Fails the call with <paramref name="Kind"/>, as a real client would report it.</summary>
    public sealed record Fail(FailureKind Kind, ExecutionOutcome Outcome = ExecutionOutcome.Unknown, TimeSpan? RetryAfter = null)
        : SimulatedFault;

    /// <summary>Refuses the call as the exchange would refuse a bad order; nothing executes.</summary>
    public sealed record Reject(RejectionReason Reason) : SimulatedFault;

    /// <summary>Answers normally, but only after <paramref name="Latency"/> on the scheduler's clock.</summary>
    public sealed record Slow(TimeSpan Latency) : SimulatedFault;

    /// <summary>Never answers (until the connector stops).</summary>
    public sealed record Hang : SimulatedFault;

    /// <summary>Throws from the client's method itself: a bug in the client, which crashes the connector.</summary>
    public sealed record Crash : SimulatedFault;
}
