using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>The Binance client against the simulator speaking Binance's API.</summary>
public sealed class BinanceClientConformance(ITestOutputHelper output) : SimulatedClientConformance(output, ExchangeDialect.Binance)
{
    protected override IExchangeClient Connect(Uri address) =>
        new BinanceClient(new BinanceSettings(address, AccountOptions.Default.ApiKey, AccountOptions.Default.Secret,
            RecvWindow: TimeSpan.FromSeconds(5), ConnectTimeout: TimeSpan.FromSeconds(2), RequestTimeout: TimeSpan.FromSeconds(10)));

    protected override async Task SpendRateLimit(Uri address, IExchangeClient client)
    {
        using var http = new HttpClient();
        await http.GetAsync(new Uri(address, "/api/v3/ping"));
    }
}
