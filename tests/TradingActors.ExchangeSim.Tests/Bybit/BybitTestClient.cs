using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Bybit;

/// <summary>
/// A plain Bybit v5 client, written from Bybit's documentation: private requests carry X-BAPI-API-KEY, X-BAPI-TIMESTAMP,
/// X-BAPI-RECV-WINDOW and X-BAPI-SIGN, the HMAC-SHA256 of timestamp + key + recvWindow + (query string | JSON body).
/// </summary>
internal sealed class BybitTestClient : IDisposable
{
    private const string RecvWindow = "5000";
    private readonly AccountOptions _account;

    public BybitTestClient(SimulatedExchange exchange, TimeSpan? timeout = null, AccountOptions? account = null)
    {
        _account = account ?? AccountOptions.Default;
        Http = new HttpClient { BaseAddress = exchange.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
    }

    public HttpClient Http { get; }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public string Sign(long timestamp, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_account.Secret),
            Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + _account.ApiKey + RecvWindow + payload)));

    public Task<HttpResponseMessage> GetAsync(string path, string query, long? timestamp = null, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?{query}");
        return Http.SendAsync(Signed(request, query, timestamp, signature));
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body, long? timestamp = null, string? signature = null)
    {
        var json = JsonSerializer.Serialize(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return Http.SendAsync(Signed(request, json, timestamp, signature));
    }

    public Task<HttpResponseMessage> PlaceAsync(string side, string orderType, string qty, string? price = null, string? orderLinkId = null,
        string symbol = "BTCUSDT", string? marketUnit = "baseCoin")
    {
        var body = new Dictionary<string, string> { ["category"] = "spot", ["symbol"] = symbol, ["side"] = side, ["orderType"] = orderType, ["qty"] = qty };
        if (price is not null)
            body["price"] = price;
        if (orderLinkId is not null)
            body["orderLinkId"] = orderLinkId;
        if (marketUnit is not null && orderType == "Market")
            body["marketUnit"] = marketUnit;
        return PostAsync("v5/order/create", body);
    }

    public Task<HttpResponseMessage> QueryAsync(string orderLinkId, string symbol = "BTCUSDT") =>
        GetAsync("v5/order/realtime", $"category=spot&symbol={symbol}&orderLinkId={orderLinkId}");

    public Task<HttpResponseMessage> CancelAsync(string orderLinkId, string symbol = "BTCUSDT") =>
        PostAsync("v5/order/cancel", new { category = "spot", symbol, orderLinkId });

    public void Dispose() => Http.Dispose();

    private HttpRequestMessage Signed(HttpRequestMessage request, string payload, long? timestamp, string? signature)
    {
        var stamp = timestamp ?? Now;
        request.Headers.Add("X-BAPI-API-KEY", _account.ApiKey);
        request.Headers.Add("X-BAPI-TIMESTAMP", stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-RECV-WINDOW", RecvWindow);
        request.Headers.Add("X-BAPI-SIGN", signature ?? Sign(stamp, payload));
        return request;
    }
}

internal static class BybitResponses
{
    /// <summary>The reply's result, after checking that it is Bybit's success: HTTP 200, retCode 0, retMsg OK.</summary>
    public static async Task<JsonElement> ResultAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var reply = JsonDocument.Parse(body).RootElement;
        Assert.Equal((0, "OK"), (reply.GetProperty("retCode").GetInt32(), reply.Text("retMsg")));
        return reply.GetProperty("result");
    }

    /// <summary>Checks Bybit's refusal: HTTP 200, the retCode, and an empty result.</summary>
    public static async Task<string> AssertRetCodeAsync(this HttpResponseMessage response, int retCode)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        var reply = JsonDocument.Parse(body).RootElement;
        Assert.Equal(retCode, reply.GetProperty("retCode").GetInt32());
        Assert.Equal(JsonValueKind.Object, reply.GetProperty("result").ValueKind);
        return reply.Text("retMsg");
    }

    public static async Task<JsonElement> OnlyOrderAsync(this HttpResponseMessage response) =>
        Assert.Single((await response.ResultAsync()).GetProperty("list").EnumerateArray().ToList());
}
