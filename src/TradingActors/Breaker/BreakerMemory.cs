namespace TradingActors.Breaker;

/// <summary>
/// What a breaker keeps beyond its own life, in cluster mode: another node's breaker for the same exchange resumes from it,
/// so a failing exchange stays Open until its time, and a rate-limit ban holds, whichever node hosts the breaker next.
/// The breaker tells its memory every change and asks it once, when it starts, before it decides anything.
/// </summary>
internal static class BreakerMemory
{
    /// <summary>The part of a breaker's state that outlives the node hosting it.</summary>
    /// <param name="OpenUntil">While Open: when its timer half-opens it; after a rate limit, no sooner than the exchange's ban ends.</param>
    /// <param name="Openings">Consecutive openings: the next one lasts longer for each.</param>
    /// <param name="Node">The address of the node whose breaker saved it.</param>
    public sealed record Saved(
        string Exchange, BreakerState State, DateTimeOffset? OpenUntil, int Openings, string Reason, string Node, DateTimeOffset At);

    public sealed record Recall(string Exchange);

    /// <param name="Memory">Null when no breaker for the exchange has saved anything yet.</param>
    public sealed record Recalled(string Exchange, Saved? Memory);

    public sealed record Remember(Saved Memory);
}
