using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// The exchange's symbols under Kraken's names: on REST the pair's assets run together with bitcoin written
/// XBT (BTCUSDT is XBTUSDT), on the WebSocket API they are BASE/QUOTE with bitcoin written BTC (BTC/USDT).
/// </summary>
internal sealed class KrakenPairs
{
    private readonly Dictionary<string, string> _symbolsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _namesBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _webSocketNamesBySymbol = new(StringComparer.Ordinal);

    public KrakenPairs(Market market)
    {
        foreach (var symbol in market.Symbols)
        {
            var options = market.Symbol(symbol);
            var name = RestAsset(options.BaseAsset) + RestAsset(options.QuoteAsset);
            _namesBySymbol[symbol] = name;
            _symbolsByName[name] = symbol;
            _webSocketNamesBySymbol[symbol] = WebSocketName(options.BaseAsset, options.QuoteAsset);
            _symbolsByName[_webSocketNamesBySymbol[symbol]] = symbol;
        }
    }

    /// <summary>The pairs' REST names, in the market's order.</summary>
    public IEnumerable<string> Names => _namesBySymbol.Values;

    /// <summary>The market's symbol for a pair named either way; refused as Kraken refuses an unknown pair.</summary>
    public string SymbolOf(string pair) =>
        _symbolsByName.TryGetValue(pair, out var symbol) ? symbol : throw KrakenError.UnknownAssetPair();

    public string NameOf(string symbol) => _namesBySymbol[symbol];

    public string WebSocketNameOf(string symbol) => _webSocketNamesBySymbol[symbol];

    private static string RestAsset(string asset) => asset == "BTC" ? "XBT" : asset;

    private static string WebSocketName(string baseAsset, string quoteAsset) => $"{baseAsset}/{quoteAsset}";
}
