using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TradingActors.ExchangeSim.Rest;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// Kraken's security for the private endpoints: the key in the API-Key header, API-Sign =
/// base64(HMAC-SHA512(secret, URI path + SHA-256(nonce + POST data))), and a nonce that must grow with every
/// call of a key. A Kraken secret is base64 text: an account's configured secret is used as such when it is
/// base64, and otherwise its UTF-8 bytes are the key (the client then holds their base64).
/// </summary>
internal sealed class KrakenKeys
{
    private readonly Dictionary<string, byte[]> _secrets;
    private readonly ConcurrentDictionary<string, long> _lastNonces = new(StringComparer.Ordinal);

    public KrakenKeys(Authenticator accounts)
    {
        _secrets = accounts.Secrets.ToDictionary(entry => entry.Key, entry => KeyBytes(entry.Value), StringComparer.Ordinal);
    }

    /// <summary>Checks the key, then the signature, then that the nonce grows, and returns the key.</summary>
    public string Authenticate(string apiKey, string signature, string path, string body, string? nonceText)
    {
        if (apiKey.Length == 0 || !_secrets.TryGetValue(apiKey, out var secret))
            throw KrakenError.InvalidKey();
        if (nonceText is null || !long.TryParse(nonceText, NumberStyles.None, CultureInfo.InvariantCulture, out var nonce) || nonce <= 0)
            throw KrakenError.InvalidNonce();
        var expected = Sign(secret, path, nonceText, body);
        Span<byte> sent = stackalloc byte[HMACSHA512.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signature, sent, out var written) || written != sent.Length
            || !CryptographicOperations.FixedTimeEquals(sent, expected))
            throw KrakenError.InvalidSignature();
        // Only a call that is signed may move the key's nonce on: a forger must not be able to lock a key out.
        while (true)
        {
            var last = _lastNonces.GetValueOrDefault(apiKey);
            if (nonce <= last)
                throw KrakenError.InvalidNonce();
            if (last == 0 ? _lastNonces.TryAdd(apiKey, nonce) : _lastNonces.TryUpdate(apiKey, nonce, last))
                return apiKey;
        }
    }

    public static byte[] Sign(byte[] secret, string path, string nonce, string body)
    {
        var hashed = SHA256.HashData(Encoding.UTF8.GetBytes(nonce + body));
        byte[] message = [.. Encoding.UTF8.GetBytes(path), .. hashed];
        return HMACSHA512.HashData(secret, message);
    }

    private static byte[] KeyBytes(byte[] configured) =>
        Base64.IsValid(configured, out var length) && length > 0 ? Convert.FromBase64String(Encoding.ASCII.GetString(configured)) : configured;

}
