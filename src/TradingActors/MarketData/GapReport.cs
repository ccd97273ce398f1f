namespace TradingActors.MarketData;

/// <summary>
/// The gaps a feed has met since its last summary: per symbol how many gaps and how many trade ids they skipped.
/// A feed that falls behind an exchange can meet tens of thousands of gaps a second, so the log gets one line
/// per report interval, not one per gap; each gap still goes to the EventStream and the metrics as it happens.
/// </summary>
internal sealed class GapReport
{
    public readonly record struct Summary(long Gaps, long Missed, string Symbols);

    private readonly SortedDictionary<string, (long Gaps, long Missed)> _bySymbol = new(StringComparer.Ordinal);

    /// <summary>Counts a gap of <paramref name="missed"/> trade ids.</summary>
    /// <returns>Whether it is the first since the last summary, which is when the feed arms the report's timer.</returns>
    public bool Record(string symbol, long missed)
    {
        var first = _bySymbol.Count == 0;
        var (gaps, skipped) = _bySymbol.GetValueOrDefault(symbol);
        _bySymbol[symbol] = (gaps + 1, skipped + missed);
        return first;
    }

    /// <summary>What was counted since the last summary, and a fresh start; null when there was no gap.</summary>
    public Summary? Take()
    {
        if (_bySymbol.Count == 0)
            return null;
        var summary = new Summary(
            _bySymbol.Values.Sum(counts => counts.Gaps),
            _bySymbol.Values.Sum(counts => counts.Missed),
            string.Join(", ", _bySymbol.Select(symbol => $"{symbol.Key} {symbol.Value.Missed} in {symbol.Value.Gaps}")));
        _bySymbol.Clear();
        return summary;
    }
}
