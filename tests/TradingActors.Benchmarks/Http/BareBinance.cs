using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TradingActors.Benchmarks.Http;

/// <summary>
/// What a host would write without the engine: one pooled <see cref="HttpClient"/>, a price read from the ticker's
/// bytes, and a market order signed and posted as Binance's form body, its reply's status read from the bytes.
/// The baseline of <see cref="EndToEndHttpBenchmarks"/>; it checks the replies just enough to fail on a wrong one.
/// </summary>
internal sealed class BareBinance(Uri baseAddress, string apiKey, string secret) : IDisposable
{
    private static readonly MediaTypeHeaderValue Form = new("application/x-www-form-urlencoded");

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(secret);
    private readonly HttpClient _http = Client(baseAddress, apiKey);
    private long _orders;

    public async Task<decimal> PriceAsync(string symbol)
    {
        using var response = await _http.GetAsync($"/api/v3/ticker/price?symbol={symbol}").ConfigureAwait(false);
        var body = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return decimal.Parse(Field(body, "price"u8), NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    public async Task<string> BuyAsync(string symbol, decimal quantity)
    {
        var parameters = $"symbol={symbol}&side=BUY&type=MARKET&quantity={quantity.ToString(CultureInfo.InvariantCulture)}" +
            $"&newClientOrderId=bare-{Interlocked.Increment(ref _orders)}&newOrderRespType=RESULT" +
            $"&recvWindow=5000&timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(parameters)));
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{parameters}&signature={signature}"));
        content.Headers.ContentType = Form;
        using var response = await _http.PostAsync("/api/v3/order", content).ConfigureAwait(false);
        var body = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return Field(body, "status"u8);
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient Client(Uri baseAddress, string apiKey)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("X-MBX-APIKEY", apiKey);
        return http;
    }

    // The value of a top-level string property: all a host reads of these replies.
    private static string Field(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(name) && reader.Read())
                return reader.GetString()!;
        }
        throw new InvalidOperationException($"no {Encoding.UTF8.GetString(name)} in {Encoding.UTF8.GetString(json)}");
    }
}
