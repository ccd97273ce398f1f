namespace TradingActors.Configuration.Options;

/// <summary><c>facade</c>: how long an <c>ITradingEngine</c> call waits for the engine's answer; null keeps the default.</summary>
public sealed class FacadeOptions
{
    /// <summary>A fixed bound for every call; null keeps the default, <c>auto</c> (the route's call timeouts plus the margin).</summary>
    public TimeSpan? AnswerTimeout { get; set; }

    public TimeSpan? Margin { get; set; }
}
