namespace TradingActors.ExchangeSim.Configuration;

/// <summary>An account: its API key pair and its opening balances.</summary>
public sealed record AccountOptions(string ApiKey, string Secret)
{
    /// <summary>The pair every exchange accepts unless accounts are configured.</summary>
    public static AccountOptions Default { get; } = new("sim-api-key", "sim-api-secret");

    /// <summary>
    /// Opening balances by asset. Null: 100000 of every quote asset and 10 of every base asset the exchange lists.
    /// </summary>
    public IReadOnlyDictionary<string, decimal>? Balances { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ApiKey, nameof(ApiKey));
        ArgumentException.ThrowIfNullOrWhiteSpace(Secret, nameof(Secret));
        if (Balances?.Values.Any(amount => amount < 0) == true)
            throw new ArgumentException($"Account '{ApiKey}' has a negative opening balance.", nameof(Balances));
    }

    // The record's generated ToString would print the secret into any log that mentions the account.
    public override string ToString() => $"AccountOptions {{ ApiKey = {ApiKey} }}";
}
