using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TradingActors.Exchanges.Bybit;

/// <summary>
/// Bybit v5's HMAC signature: lowercase hex HMAC-SHA256, keyed with the account's secret, of
/// timestamp + API key + recvWindow + payload (a GET's query string, a POST's raw JSON body). The signed text is
/// written into one pooled buffer: no string for it, none for its parts.
/// </summary>
internal static class BybitSigning
{
    private const int MaxDigits = 20;

    public static string Sign(ReadOnlySpan<byte> secret, long timestamp, string apiKey, long recvWindow, ReadOnlySpan<byte> payload)
    {
        var text = ArrayPool<byte>.Shared.Rent(MaxLength(apiKey, payload.Length));
        try
        {
            var length = Compose(text, timestamp, apiKey, recvWindow, payload);
            Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(secret, text.AsSpan(0, length), signature);
            return Convert.ToHexStringLower(signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
        }
    }

    /// <summary>A GET's signature, over its query string (ASCII: every value in it is escaped).</summary>
    public static string Sign(ReadOnlySpan<byte> secret, long timestamp, string apiKey, long recvWindow, string query)
    {
        var payload = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(query.Length));
        try
        {
            return Sign(secret, timestamp, apiKey, recvWindow, payload.AsSpan(0, Encoding.UTF8.GetBytes(query, payload)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    /// <summary>Writes the signed text into <paramref name="destination"/>, which holds <see cref="MaxLength"/> bytes; returns its length.</summary>
    public static int Compose(Span<byte> destination, long timestamp, string apiKey, long recvWindow, ReadOnlySpan<byte> payload)
    {
        Utf8Formatter.TryFormat(timestamp, destination, out var length);
        length += Encoding.UTF8.GetBytes(apiKey, destination[length..]);
        Utf8Formatter.TryFormat(recvWindow, destination[length..], out var written);
        length += written;
        payload.CopyTo(destination[length..]);
        return length + payload.Length;
    }

    public static int MaxLength(string apiKey, int payloadLength) => 2 * MaxDigits + Encoding.UTF8.GetMaxByteCount(apiKey.Length) + payloadLength;
}
