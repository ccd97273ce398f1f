using TradingActors.Exchanges;
using TradingActors.Exchanges.Bybit;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>The Bybit client against the simulator speaking Bybit v5.</summary>
public sealed class BybitClientConformance(ITestOutputHelper output) : SimulatedClientConformance(output, ExchangeDialect.Bybit)
{
    protected override IExchangeClient Connect(Uri address) =>
        new BybitClient(new BybitSettings(address, AccountOptions.Default.ApiKey, AccountOptions.Default.Secret,
            RecvWindow: TimeSpan.FromSeconds(5), ConnectTimeout: TimeSpan.FromSeconds(2), RequestTimeout: TimeSpan.FromSeconds(10)));

    protected override async Task SpendRateLimit(Uri address, IExchangeClient client)
    {
        using var http = new HttpClient();
        await http.GetAsync(new Uri(address, "/v5/market/time"));
    }
}
