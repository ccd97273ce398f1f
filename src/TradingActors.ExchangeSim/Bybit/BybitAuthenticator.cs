using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using TradingActors.ExchangeSim.Rest;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>
/// Bybit v5's HMAC security: the key in X-BAPI-API-KEY, the time in X-BAPI-TIMESTAMP (ms), an optional
/// X-BAPI-RECV-WINDOW (default 5000), and X-BAPI-SIGN, the lowercase hex HMAC-SHA256 with the key's secret of
/// timestamp + key + recvWindow + (the query string of a GET | the raw body of a POST).
/// </summary>
internal sealed class BybitAuthenticator(IReadOnlyDictionary<string, byte[]> secrets, TimeProvider clock)
{
    private const long DefaultRecvWindow = 5000;

    public static BybitAuthenticator Of(Authenticator accounts, TimeProvider clock) => new(accounts.Secrets, clock);

    /// <summary>Checks the request's signature over <paramref name="signed"/> and its timestamp; returns the API key it acts for.</summary>
    public string Authenticate(HttpRequest request, string signed)
    {
        var apiKey = request.Headers["X-BAPI-API-KEY"].ToString();
        if (apiKey.Length == 0 || !secrets.TryGetValue(apiKey, out var secret))
            throw BybitError.InvalidApiKey();
        var timestampText = request.Headers["X-BAPI-TIMESTAMP"].ToString();
        var recvWindowText = request.Headers["X-BAPI-RECV-WINDOW"].ToString();
        var signature = request.Headers["X-BAPI-SIGN"].ToString();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(timestampText + apiKey + recvWindowText + signed)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
            throw BybitError.InvalidSign();
        CheckTimestamp(timestampText, recvWindowText);
        return apiKey;
    }

    // Bybit's rule: server_time - recv_window <= timestamp < server_time + 1000.
    private void CheckTimestamp(string timestampText, string recvWindowText)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var recvWindow = recvWindowText.Length == 0 ? DefaultRecvWindow : WholeNumber(recvWindowText, "recv_window");
        var timestamp = WholeNumber(timestampText, "timestamp");
        if (timestamp >= now + 1000 || timestamp < now - recvWindow)
            throw BybitError.OutsideRecvWindow(timestamp, now, recvWindow);
    }

    private static long WholeNumber(string text, string name) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw BybitError.ParameterError($"{name} must be a whole number of milliseconds");
}
