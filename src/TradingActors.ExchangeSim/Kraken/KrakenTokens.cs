using System.Collections.Concurrent;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// The tokens GetWebSocketsToken hands out: each names its key, and subscribes a private channel for 15 minutes
/// after it was made (a subscription made with it lasts as long as its connection).
/// </summary>
internal sealed class KrakenTokens(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (string ApiKey, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public string Issue(string apiKey)
    {
        var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
        _tokens[token] = (apiKey, clock.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>The key the token was made for, or null for a token unknown or expired.</summary>
    public string? KeyOf(string token) =>
        _tokens.TryGetValue(token, out var issued) && issued.Expires > clock.GetUtcNow() ? issued.ApiKey : null;
}
