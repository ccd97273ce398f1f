using TradingActors.Breaker;
using TradingActors.MarketData;

namespace TradingActors.Node.Display;

/// <summary>How the node writes a breaker's figures, the same on the dashboard, in log lines and in the summary.</summary>
internal static class Figures
{
    public static string Time(TimeSpan time) =>
        time < TimeSpan.FromSeconds(1) ? $"{time.TotalMilliseconds:0} ms" : $"{time.TotalSeconds:0.0} s";

    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0} s";

    /// <summary>What decides the breaker's next move in its state: its window, its trials, or its opening.</summary>
    public static string Window(CircuitBreaker.Status status) => status.State switch
    {
        BreakerState.HalfOpen => $"{status.HalfOpenSuccesses}/{status.Settings.SuccessThreshold} trials ok",
        BreakerState.Open => $"opening {status.Openings}",
        BreakerState.Isolated => "by hand, until reset",
        _ => status.Window,
    };

    /// <summary>How long until an open breaker half-opens; empty in the other states.</summary>
    public static string OpenFor(CircuitBreaker.Status status, DateTimeOffset now) => status switch
    {
        { State: BreakerState.Open, OpenUntil: { } until } => Time(until > now ? until - now : TimeSpan.Zero),
        _ => "",
    };

    public static long Rejected(CircuitBreaker.Status status) => status.Metrics.Rejected + status.Metrics.BulkheadFull;

    public static string SuccessRate(CircuitBreaker.Status status) => $"{status.Metrics.SuccessRate:0.0}%";

    public static string LastTransition(CircuitBreaker.Status status, DateTimeOffset now) =>
        status.Metrics.Transitions.LastOrDefault() is { } last ? $"{last.From} -> {last.To}, {Seconds(now - last.At)} ago" : "";

    /// <summary>Which endpoint a feed uses: the primary or the backup, and its address.</summary>
    public static string Endpoint(MarketFeed.Status feed) =>
        $"{(feed.Endpoint == feed.Settings.Primary ? "primary" : "backup")} {feed.Endpoint.Authority}";

    public static string LastPrices(MarketFeed.Status feed) =>
        string.Join(", ", feed.Prices.Select(price => $"{price.Symbol} {price.Price:0.00} ({Time(price.Age)} old)"));

    // One line each, so that the tables keep their shape; /status and the log have the whole text.
    public static string Short(string text, int most = 60) => text.Length > most ? text[..(most - 3)] + "..." : text;
}
