using TradingActors.Breaker;
using TradingActors.MarketData;

namespace TradingActors.Node.Display;

/// <summary>How the node writes a breaker's figures, the same on the dashboard, in log lines and in the summary.</summary>
internal static class Figures
{
    public static string Time(TimeSpan time) =>
        time < TimeSpan.FromSeconds(1) ? $"{time.TotalMilliseconds:0} ms" : $"{time.TotalSeconds:0.0} s";

    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0} s";

    /// <summary>An address as it is pasted: scheme, host and port, no trailing slash to double up with a path.</summary>
    public static string Address(Uri address) => address.GetLeftPart(UriPartial.Authority);

    /// <summary>The cluster node hosting a breaker, as host:port; empty for a node that runs alone.</summary>
    public static string HostedOn(CircuitBreaker.Status status) =>
        status.Node is { } node && Akka.Actor.ActorPath.TryParseAddress(node, out var address) ? $"{address.Host}:{address.Port}" : "";

    /// <summary>What decides the breaker's next move in its state: its window, its trials, or its opening.</summary>
    public static string Window(CircuitBreaker.Status status) => status.State switch
    {
        BreakerState.HalfOpen => $"{status.HalfOpenSuccesses}/{status.Settings.SuccessThreshold} trials ok",
        BreakerState.Open => $"opening {status.Openings}",
        BreakerState.Isolated => "by hand, until reset",
        _ => status.Window,
    };

    /// <summary>How long until an open breaker half-opens; empty in the other states.</summary>
    public static string HalfOpensIn(CircuitBreaker.Status status, DateTimeOffset now) => status switch
    {
        { State: BreakerState.Open, OpenUntil: { } until } => Time(until > now ? until - now : TimeSpan.Zero),
        _ => "",
    };

    /// <summary>Requests the breaker refused without calling the exchange: it was open, or its bulkhead full.</summary>
    public static long Rejected(CircuitBreaker.Status status) => status.Metrics.Rejected + status.Metrics.BulkheadFull;

    /// <summary>Every request the breaker answered: the calls it made (ok or failed) and those it rejected.</summary>
    public static long Requests(CircuitBreaker.Status status) => status.Metrics.Total + Rejected(status);

    /// <summary>How the status line and the summary count requests, the same way in both.</summary>
    public const string RequestsAddUp = "requests = calls + rejected; calls = ok + failed (rejected: the breaker answered, open or full, or the rate budget kept it back)";

    /// <summary>A breaker's requests in one phrase that adds up: "requests 82 = calls 51 (ok 43, failed 8) + rejected 31".</summary>
    public static string RequestFigures(CircuitBreaker.Status status) =>
        $"requests {Requests(status)} = calls {status.Metrics.Total} (ok {status.Metrics.Successful}, failed {status.Metrics.Failed}) + rejected {Rejected(status)}";

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
