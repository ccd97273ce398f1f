using System.Text;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Kraken;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>The Kraken client against the simulator speaking Kraken's spot API.</summary>
public sealed class KrakenClientConformance(ITestOutputHelper output) : SimulatedClientConformance(output, ExchangeDialect.Kraken)
{
    // The simulator's account secret is not base64, so its Kraken key is its UTF-8 bytes, which the client holds as base64.
    private static readonly string KrakenSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountOptions.Default.Secret));

    protected override IExchangeClient Connect(Uri address) =>
        new KrakenClient(new KrakenSettings(address, AccountOptions.Default.ApiKey, KrakenSecret,
            ConnectTimeout: TimeSpan.FromSeconds(2), RequestTimeout: TimeSpan.FromSeconds(10)));

    // Kraken's trading counter holds one order at this budget: the first one fills it, and it decays over a minute.
    protected override async Task SpendRateLimit(Uri address, IExchangeClient client) =>
        await client.PlaceOrderAsync(PlaceOrder.WithNewId("binance", "BTCUSDT", OrderSide.Buy, 0.01m), CancellationToken.None);
}
