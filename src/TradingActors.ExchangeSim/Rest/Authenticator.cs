using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>
/// Binance's SIGNED security: the key (in X-MBX-APIKEY on REST, among the params on the WebSocket API),
/// an HMAC-SHA256 of the parameters with the key's secret, and a timestamp inside the recvWindow.
/// </summary>
internal sealed class Authenticator(IEnumerable<AccountOptions> accounts, TimeProvider clock)
{
    private const long DefaultRecvWindow = 5000;
    private const long MaxRecvWindow = 60000;
    private readonly Dictionary<string, byte[]> _secrets = accounts.ToDictionary(a => a.ApiKey, a => Encoding.UTF8.GetBytes(a.Secret));

    /// <summary>Each account's secret by its API key, for the dialects that sign their own way.</summary>
    public IReadOnlyDictionary<string, byte[]> Secrets => _secrets;

    /// <summary>Checks the request's signature and timestamp and returns the API key of the account it acts for.</summary>
    public string Authenticate(HttpRequest request, RequestParameters parameters) =>
        Authenticate(request.Headers["X-MBX-APIKEY"].ToString(), parameters);

    /// <summary>Checks a request that names its account by <paramref name="apiKey"/>, and returns that key.</summary>
    public string Authenticate(string apiKey, RequestParameters parameters)
    {
        if (apiKey.Length == 0)
            throw ExchangeError.MissingApiKey();
        if (!_secrets.TryGetValue(apiKey, out var secret))
            throw ExchangeError.UnknownApiKey();
        var signature = parameters.Signature ?? throw ExchangeError.MissingSignature();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(parameters.SignedText)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
            throw ExchangeError.InvalidSignature();
        CheckTimestamp(parameters);
        return apiKey;
    }

    private void CheckTimestamp(RequestParameters parameters)
    {
        var timestamp = parameters.RequiredWholeNumber("timestamp");
        var recvWindow = parameters.OptionalWholeNumber("recvWindow") ?? DefaultRecvWindow;
        if (recvWindow > MaxRecvWindow)
            throw ExchangeError.RecvWindowTooLarge();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // Binance's own rule: up to a second early is clock skew, older than the window is stale.
        if (timestamp >= now + 1000 || now - timestamp > recvWindow)
            throw ExchangeError.OutsideRecvWindow();
    }
}
