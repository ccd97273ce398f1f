namespace TradingActors.ExchangeSim.Configuration;

/// <summary>A listed symbol, its start price and Binance's filters for it.</summary>
public sealed record SymbolOptions(string Symbol, decimal Price)
{
    // Longest first, so that BTCFDUSD is read as BTC/FDUSD and not as BTCF/DUSD.
    private static readonly string[] KnownQuoteAssets = ["FDUSD", "USDT", "USDC", "BUSD", "TUSD", "EUR", "USD", "TRY", "BTC", "ETH", "BNB"];

    /// <summary>The asset prices are quoted in; read from the symbol's end when it is a well-known one.</summary>
    public string QuoteAsset { get; init; } = KnownQuoteAssets.FirstOrDefault(Symbol.EndsWith) ?? "";

    /// <summary>The asset traded: the symbol without its quote asset.</summary>
    public string BaseAsset => Symbol.EndsWith(QuoteAsset, StringComparison.Ordinal) ? Symbol[..^QuoteAsset.Length] : "";

    /// <summary>PRICE_FILTER: prices are multiples of this.</summary>
    public decimal TickSize { get; init; } = 0.01m;

    /// <summary>LOT_SIZE: quantities are multiples of this, and at least this.</summary>
    public decimal StepSize { get; init; } = 0.00001m;

    /// <summary>NOTIONAL: price times quantity is at least this.</summary>
    public decimal MinNotional { get; init; } = 5m;

    internal void Validate()
    {
        if (string.IsNullOrEmpty(Symbol) || !Symbol.All(char.IsAsciiLetterOrDigit) || Symbol != Symbol.ToUpperInvariant())
            throw new ArgumentException($"Symbol '{Symbol}' is not an upper-case Binance symbol.", nameof(Symbol));
        if (QuoteAsset.Length == 0 || BaseAsset.Length == 0)
            throw new ArgumentException($"Symbol '{Symbol}' does not end with its quote asset '{QuoteAsset}'.", nameof(QuoteAsset));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Price, nameof(Price));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TickSize, nameof(TickSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StepSize, nameof(StepSize));
        ArgumentOutOfRangeException.ThrowIfNegative(MinNotional, nameof(MinNotional));
    }
}
