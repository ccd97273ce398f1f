using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Tests.Support;

/// <summary>
/// A plain Binance REST client, written from Binance's documentation: parameters in the query string,
/// signed with HMAC-SHA256 of the query string, key in X-MBX-APIKEY.
/// </summary>
internal sealed class BinanceClient : IDisposable
{
    private readonly string _secret;

    public BinanceClient(SimulatedExchange exchange, TimeSpan? timeout = null, AccountOptions? account = null)
    {
        account ??= AccountOptions.Default;
        _secret = account.Secret;
        Http = new HttpClient { BaseAddress = exchange.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        Http.DefaultRequestHeaders.Add("X-MBX-APIKEY", account.ApiKey);
    }

    public HttpClient Http { get; }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public string Sign(string totalParams) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), Encoding.UTF8.GetBytes(totalParams)));

    public Task<HttpResponseMessage> SignedAsync(HttpMethod method, string path, params (string Name, string Value)[] parameters)
    {
        var query = Query([.. parameters, ("timestamp", Now.ToString(CultureInfo.InvariantCulture))]);
        return Http.SendAsync(new HttpRequestMessage(method, $"{path}?{query}&signature={Sign(query)}"));
    }

    public Task<HttpResponseMessage> PlaceAsync(
        string side, string type, string quantity, string? price = null, string? clientOrderId = null, string symbol = "BTCUSDT")
    {
        List<(string, string)> parameters = [("symbol", symbol), ("side", side), ("type", type), ("quantity", quantity)];
        if (price is not null)
            parameters.AddRange([("timeInForce", "GTC"), ("price", price)]);
        if (clientOrderId is not null)
            parameters.Add(("newClientOrderId", clientOrderId));
        return SignedAsync(HttpMethod.Post, "api/v3/order", [.. parameters]);
    }

    public Task<HttpResponseMessage> QueryAsync(string clientOrderId, string symbol = "BTCUSDT") =>
        SignedAsync(HttpMethod.Get, "api/v3/order", ("symbol", symbol), ("origClientOrderId", clientOrderId));

    public Task<HttpResponseMessage> CancelAsync(string clientOrderId, string symbol = "BTCUSDT") =>
        SignedAsync(HttpMethod.Delete, "api/v3/order", ("symbol", symbol), ("origClientOrderId", clientOrderId));

    public async Task<decimal> PriceAsync(string symbol = "BTCUSDT")
    {
        var ticker = await (await Http.GetAsync($"api/v3/ticker/price?symbol={symbol}")).JsonAsync();
        return decimal.Parse(ticker.GetProperty("price").GetString()!, CultureInfo.InvariantCulture);
    }

    public async Task<(decimal Free, decimal Locked)> BalanceAsync(string asset)
    {
        var account = await (await SignedAsync(HttpMethod.Get, "api/v3/account")).JsonAsync();
        var balance = account.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("asset").GetString() == asset);
        return (balance.GetProperty("free").Amount(), balance.GetProperty("locked").Amount());
    }

    public static string Query(IEnumerable<(string Name, string Value)> parameters) =>
        string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    public void Dispose() => Http.Dispose();
}

internal static class BinanceResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static async Task<JsonElement> SuccessJsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task AssertErrorAsync(this HttpResponseMessage response, int status, int code, string? message = null)
    {
        var body = await response.JsonAsync();
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        if (message is not null)
            Assert.Equal(message, body.GetProperty("msg").GetString());
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static decimal Amount(this JsonElement element) => decimal.Parse(element.GetString()!, CultureInfo.InvariantCulture);

    public static decimal Amount(this JsonElement element, string property) => element.GetProperty(property).Amount();
}
