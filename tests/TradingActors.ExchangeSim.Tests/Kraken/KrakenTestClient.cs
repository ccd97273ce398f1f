using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Kraken;

/// <summary>
/// A plain Kraken REST client, written from Kraken's documentation: private calls are form posts with a nonce,
/// the key in API-Key, and API-Sign = base64(HMAC-SHA512(secret, path + SHA-256(nonce + body))).
/// </summary>
internal sealed class KrakenTestClient : IDisposable
{
    private readonly byte[] _secret;
    private long _nonce = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <param name="secret">The key's bytes; by default the account's secret's UTF-8 bytes, as the simulator reads a secret that is not base64.</param>
    public KrakenTestClient(SimulatedExchange exchange, AccountOptions? account = null, byte[]? secret = null, TimeSpan? timeout = null)
    {
        account ??= AccountOptions.Default;
        _secret = secret ?? Encoding.UTF8.GetBytes(account.Secret);
        Http = new HttpClient { BaseAddress = exchange.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        Http.DefaultRequestHeaders.Add("API-Key", account.ApiKey);
    }

    public HttpClient Http { get; }

    public long NextNonce() => Interlocked.Increment(ref _nonce);

    public string Sign(string path, long nonce, string body)
    {
        byte[] message = [.. Encoding.UTF8.GetBytes(path), .. SHA256.HashData(Encoding.UTF8.GetBytes($"{nonce}{body}"))];
        return Convert.ToBase64String(HMACSHA512.HashData(_secret, message));
    }

    public Task<HttpResponseMessage> PrivateAsync(string method, params (string Name, string Value)[] parameters) =>
        PrivateWithNonceAsync(method, NextNonce(), parameters);

    public Task<HttpResponseMessage> PrivateWithNonceAsync(string method, long nonce, params (string Name, string Value)[] parameters)
    {
        var path = $"/0/private/{method}";
        var body = BinanceClient.Query([("nonce", nonce.ToString()), .. parameters]);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("API-Sign", Sign(path, nonce, body));
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> AddOrderAsync(string type, string orderType, string volume, string? price = null, string? clientOrderId = null,
        string pair = "XBTUSDT")
    {
        List<(string, string)> parameters = [("ordertype", orderType), ("pair", pair), ("type", type), ("volume", volume)];
        if (price is not null)
            parameters.Add(("price", price));
        if (clientOrderId is not null)
            parameters.Add(("cl_ord_id", clientOrderId));
        return PrivateAsync("AddOrder", [.. parameters]);
    }

    /// <summary>Places a market buy and answers its txid.</summary>
    public async Task<string> BoughtAsync(string clientOrderId) =>
        (await (await AddOrderAsync("buy", "market", "0.01", clientOrderId: clientOrderId)).ResultAsync()).GetProperty("txid")[0].GetString()!;

    public void Dispose() => Http.Dispose();
}

internal static class KrakenResponses
{
    /// <summary>The result of a reply with no error, on HTTP 200.</summary>
    public static async Task<JsonElement> ResultAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var reply = JsonDocument.Parse(body).RootElement;
        Assert.Equal(0, reply.GetProperty("error").GetArrayLength());
        return reply.GetProperty("result");
    }

    /// <summary>Asserts the reply is Kraken's refusal: the status (200 for most) and the one error string.</summary>
    public static async Task AssertErrorAsync(this HttpResponseMessage response, string error, int status = 200)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal([error], JsonDocument.Parse(body).RootElement.GetProperty("error").EnumerateArray().Select(e => e.GetString()));
    }
}

internal static class KrakenSimulator
{
    public static Task<ExchangeSimulator> StartAsync(Func<ExchangeOptions, ExchangeOptions>? configure = null) =>
        TestSimulator.StartAsync(exchange => (configure ?? (options => options))(exchange with { Dialect = ExchangeDialect.Kraken }));
}
