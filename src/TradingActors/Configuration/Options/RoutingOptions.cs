namespace TradingActors.Configuration.Options;

/// <summary><c>routing</c>: where a request goes when its exchange cannot take it.</summary>
public sealed class RoutingOptions
{
    /// <summary>Per exchange, the exchanges to try next, in order; each needs a section under <see cref="TradingOptions.Exchanges"/>.</summary>
    public Dictionary<string, IList<string>> Fallbacks { get; set; } = new(StringComparer.Ordinal);
}
