using System.Security.Cryptography;
using System.Text;
using TradingActors.Exchanges.Bybit;

namespace TradingActors.Tests.Exchanges;

/// <summary>
/// Bybit's v5 integration guide documents the text a signature covers, for a GET and for a POST, with the key written
/// as XXXXXXXXXX; it gives no secret and no resulting signature, so the signature itself is checked against the
/// definition (lowercase hex HMAC-SHA256 of that text), not against a documented value.
/// </summary>
public sealed class BybitSigningSpecs
{
    private const string DocumentedKey = "XXXXXXXXXX";

    [Fact]
    public void Signs_the_documented_GET_text_timestamp_key_recv_window_and_query_string()
    {
        Assert.Equal("1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C",
            SignedText(1658384314791, 5000, "category=option&symbol=BTC-29JUL22-25000-C"u8));
    }

    [Fact]
    public void Signs_the_documented_POST_text_timestamp_key_recv_window_and_raw_body()
    {
        Assert.Equal("1658385579423XXXXXXXXXX5000{\"category\": \"option\"}",
            SignedText(1658385579423, 5000, "{\"category\": \"option\"}"u8));
    }

    [Fact]
    public void The_signature_is_the_lowercase_hex_HMAC_SHA256_of_the_signed_text_with_the_secret()
    {
        var secret = "documented-nowhere-secret"u8.ToArray();
        var text = "1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C"u8;

        var signature = BybitSigning.Sign(secret, 1658384314791, DocumentedKey, 5000, "category=option&symbol=BTC-29JUL22-25000-C");

        Assert.Equal(Convert.ToHexStringLower(new HMACSHA256(secret).ComputeHash(text.ToArray())), signature);
    }

    [Fact]
    public void A_GET_and_a_POST_with_the_same_payload_sign_alike()
    {
        var secret = "s"u8.ToArray();

        Assert.Equal(
            BybitSigning.Sign(secret, 1, DocumentedKey, 5000, "{\"a\":\"b\"}"u8),
            BybitSigning.Sign(secret, 1, DocumentedKey, 5000, "{\"a\":\"b\"}"));
    }

    private static string SignedText(long timestamp, long recvWindow, ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[BybitSigning.MaxLength(DocumentedKey, payload.Length)];
        var length = BybitSigning.Compose(buffer, timestamp, DocumentedKey, recvWindow, payload);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
