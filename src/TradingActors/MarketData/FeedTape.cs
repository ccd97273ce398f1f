namespace TradingActors.MarketData;

/// <summary>
/// What a feed has seen of the tape: per endpoint and symbol the last trade id delivered, so that a trade
/// seen again is dropped and a jump in ids is reported; and per symbol the last price and when it came.
/// Ids are kept per endpoint because two endpoints need not number trades alike (a backup may be another
/// venue); going back to an endpoint reports what it printed meanwhile as a gap.
/// </summary>
internal sealed class FeedTape
{
    public readonly record struct Sighting(string Symbol, decimal Price, DateTimeOffset At, Uri Endpoint);

    private readonly Dictionary<(Uri Endpoint, string Symbol), long> _lastIds = new();
    private readonly Dictionary<string, Sighting> _prices = new(StringComparer.Ordinal);

    /// <summary>Records a trade unless it was delivered already.</summary>
    /// <returns>The trade id that was due (below <paramref name="tradeId"/> after a gap); null for a trade already delivered.</returns>
    public long? Admit(Uri endpoint, string symbol, long tradeId, decimal price, DateTimeOffset at)
    {
        var expected = tradeId;
        if (_lastIds.TryGetValue((endpoint, symbol), out var last))
        {
            if (tradeId <= last)
                return null;
            expected = last + 1;
        }
        _lastIds[(endpoint, symbol)] = tradeId;
        _prices[symbol] = new Sighting(symbol, price, at, endpoint);
        return expected;
    }

    public Sighting? LastPrice(string symbol) => _prices.TryGetValue(symbol, out var seen) ? seen : null;

    public IEnumerable<Sighting> LastPrices => _prices.Values.OrderBy(seen => seen.Symbol, StringComparer.Ordinal);
}
