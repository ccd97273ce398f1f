using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.ExchangeSim;

namespace TradingActors.IntegrationTests.Orders;

/// <summary>The simulated account as the exchange sees it, from its signed account endpoint: the truth the ledger is checked against.</summary>
internal static class SimulatedAccount
{
    public static async Task<decimal> FreeAsync(SimulatedExchange exchange, string asset)
    {
        using var http = new HttpClient { BaseAddress = exchange.BaseAddress };
        var query = $"timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}&recvWindow=5000";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("sim-api-secret"), Encoding.UTF8.GetBytes(query)));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v3/account?{query}&signature={signature}");
        request.Headers.Add("X-MBX-APIKEY", "sim-api-key");
        using var response = await http.SendAsync(request);
        var account = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var balance = account.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("asset").GetString() == asset);
        return decimal.Parse(balance.GetProperty("free").GetString()!, CultureInfo.InvariantCulture);
    }
}
