using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Configuration;

/// <summary>One simulated exchange: where it listens, what it lists, who may trade on it.</summary>
public sealed record ExchangeOptions(string Name)
{
    /// <summary>The loopback port; 0 picks a free one, which the exchange then keeps across outages.</summary>
    public int Port { get; init; }

    /// <summary>The API it speaks. Default: Binance's.</summary>
    public ExchangeDialect Dialect { get; init; } = ExchangeDialect.Binance;

    /// <summary>The listed symbols and their start prices. Default: BTCUSDT at 42000 and ETHUSDT at 2200.</summary>
    public IReadOnlyList<SymbolOptions> Symbols { get; init; } =
        [new SymbolOptions("BTCUSDT", 42000m), new SymbolOptions("ETHUSDT", 2200m)];

    /// <summary>The accounts, one per API key. Default: one account with <see cref="AccountOptions.Default"/>'s key.</summary>
    public IReadOnlyList<AccountOptions> Accounts { get; init; } = [AccountOptions.Default];

    /// <summary>The request-weight budget that turns into 429 and then 418 when overspent.</summary>
    public WeightLimitOptions WeightLimit { get; init; } = new();

    /// <summary>Faults in force from the start.</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        if (!Enum.IsDefined(Dialect))
            throw new ArgumentOutOfRangeException(nameof(Dialect), Dialect, $"Exchange '{Name}' speaks no known dialect.");
        if (Symbols.Count == 0)
            throw new ArgumentException($"Exchange '{Name}' lists no symbol.", nameof(Symbols));
        if (Symbols.Select(s => s.Symbol).Distinct().Count() != Symbols.Count)
            throw new ArgumentException($"Exchange '{Name}' lists a symbol twice.", nameof(Symbols));
        foreach (var symbol in Symbols)
            symbol.Validate();
        if (Accounts.Count == 0)
            throw new ArgumentException($"Exchange '{Name}' has no account.", nameof(Accounts));
        if (Accounts.Select(a => a.ApiKey).Distinct().Count() != Accounts.Count)
            throw new ArgumentException($"Exchange '{Name}' has two accounts with the same API key.", nameof(Accounts));
        foreach (var account in Accounts)
            account.Validate();
        WeightLimit.Validate();
        Faults.Validate();
    }
}
