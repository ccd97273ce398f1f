using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.Exchanges.Bybit;
using TradingActors.Exchanges.Kraken;

namespace TradingActors.Tests.Configuration;

/// <summary>An endpoint's protocol picks the client that reaches it; its rate budget is read the same way for all.</summary>
public sealed class EndpointSettingsSpecs
{
    // Kraken hands out its private keys in base64.
    private const string Secret = "c2ltLWFwaS1zZWNyZXQ=";

    private static EndpointSettings Endpoint(string more = "") =>
        TradingSettings.From(ConfigurationFactory.ParseString($$"""
            trading.exchanges.binance.endpoint { url = "http://127.0.0.1:5001/", api-key = k, api-secret = "{{Secret}}"
              {{more}}
            }
            """)).Endpoints["binance"];

    private static SettingsException Refused(string more) => Assert.Throws<SettingsException>(() => Endpoint(more));

    [Theory]
    [InlineData("", typeof(BinanceSettings))]
    [InlineData("protocol = binance", typeof(BinanceSettings))]
    [InlineData("protocol = bybit", typeof(BybitSettings))]
    [InlineData("protocol = kraken", typeof(KrakenSettings))]
    public void The_protocol_picks_the_endpoint_s_settings_and_so_its_client(string protocol, Type expected)
    {
        var endpoint = Endpoint(protocol);

        Assert.IsType(expected, endpoint);
        using var client = (IDisposable)endpoint.Connect();
        Assert.Equal(endpoint.Protocol.ToString(), client.GetType().Name.Replace("Client", ""));
    }

    [Fact]
    public void A_protocol_the_engine_does_not_speak_stops_start_up_with_its_path() =>
        Assert.StartsWith("trading.exchanges.binance.endpoint.protocol = ftx", Refused("protocol = ftx").Message);

    [Fact]
    public void The_rate_budget_is_on_with_a_fifth_of_each_limit_kept_for_orders_by_default() =>
        Assert.Equal(0.8m, Endpoint().RateHeadroom);

    [Fact]
    public void With_the_rate_budget_off_an_endpoint_has_no_headroom() =>
        Assert.Null(Endpoint("rate-budget = off").RateHeadroom);

    [Theory]
    [InlineData("rate-headroom = 1.5", "trading.exchanges.binance.endpoint.rate-headroom = 1.5: must be at most 1: a share of the exchange's limit")]
    [InlineData("rate-headroom = 0", "trading.exchanges.binance.endpoint.rate-headroom = 0: must be above 0")]
    public void A_headroom_outside_a_share_of_the_limit_is_refused(string setting, string expected) =>
        Assert.Equal(expected, Refused(setting).Message);

    [Fact]
    public void Binance_s_limits_are_read_for_its_budget()
    {
        var binance = (BinanceSettings)Endpoint("request-weight-limit = 1200, order-count-limit = 50");

        Assert.Equal((1200, 50), (binance.RequestWeightLimit, binance.OrderCountLimit));
    }
}
