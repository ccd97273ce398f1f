namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// The engine's symbols (BTCUSDT) under Kraken's REST pair names, which write bitcoin as XBT (XBTUSDT), and
/// under its WebSocket v2 names, BASE/QUOTE with bitcoin as BTC (BTC/USDT); and back.
/// </summary>
internal static class KrakenPairs
{
    // The quote assets a symbol may end with; what comes before is the base asset.
    private static readonly string[] QuoteAssets = ["USDT", "USDC", "USD", "EUR", "GBP", "BTC", "XBT", "ETH"];

    public static string PairOf(string symbol)
    {
        var quote = QuoteAssets.FirstOrDefault(asset => symbol.Length > asset.Length && symbol.EndsWith(asset, StringComparison.Ordinal));
        return quote is null ? Rename(symbol, "BTC", "XBT") : Rename(symbol[..^quote.Length], "BTC", "XBT") + Rename(quote, "BTC", "XBT");
    }

    public static string SymbolOf(string pair)
    {
        var quote = QuoteAssets.FirstOrDefault(asset => pair.Length > asset.Length && pair.EndsWith(asset, StringComparison.Ordinal));
        return quote is null ? Rename(pair, "XBT", "BTC") : Rename(pair[..^quote.Length], "XBT", "BTC") + Rename(quote, "XBT", "BTC");
    }

    public static string WebSocketNameOf(string symbol) =>
        QuoteAssets.FirstOrDefault(asset => symbol.Length > asset.Length && symbol.EndsWith(asset, StringComparison.Ordinal)) is { } quote
            ? $"{symbol[..^quote.Length]}/{quote}"
            : symbol;

    public static string SymbolOfWebSocketName(string name) => name.Replace("/", "", StringComparison.Ordinal);

    private static string Rename(string asset, string from, string to) => asset == from ? to : asset;
}
