using Akka.Actor;
using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.Exchanges.Binance;
using TradingActors.Hosting;
using TradingActors.Orders.UserData;

namespace TradingActors.Tests.Orders.UserData;

/// <summary>
/// An exchange with an endpoint has a user data stream unless its <c>user-data-stream</c> is off; its settings are
/// read over <c>trading.endpoint-defaults</c>, and a bad one names its HOCON path.
/// </summary>
public sealed class UserDataSettingsSpecs(ITestOutputHelper output) : UserDataSpec(output)
{
    private static TradingSettings Read(string hocon) => TradingSettings.From(ConfigurationFactory.ParseString(hocon));

    private static UserDataSettings? UserDataOf(string hocon) => ((BinanceSettings)Read(hocon).Endpoints["binance"]).UserData;

    private static string EndpointAt(string url, string more = "") =>
        $$"""
          trading.exchanges.binance.endpoint {
            url = "{{url}}", api-key = k, api-secret = s
            {{more}}
          }
          """;

    [Fact]
    public void An_exchange_with_an_endpoint_streams_its_user_data_by_default_with_the_documented_defaults()
    {
        var stream = UserDataOf(EndpointAt("http://127.0.0.1:5001/"))!;

        Assert.Equal(new Uri("ws://127.0.0.1:5001/ws-api/v3"), stream.Endpoint);
        Assert.Equal((S(30), S(10), TimeSpan.FromMilliseconds(500), S(30), 0.2),
            (stream.PingInterval, stream.AnswerTimeout, stream.MinBackoff, stream.MaxBackoff, stream.BackoffJitter));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5001/", "ws://127.0.0.1:5001/ws-api/v3")]
    [InlineData("https://api.test", "wss://api.test/ws-api/v3")]
    [InlineData("https://api.test:8443/api/", "wss://api.test:8443/ws-api/v3")]
    public void Without_a_ws_api_url_the_stream_is_at_ws_api_v3_on_the_rest_endpoints_host_and_port(string rest, string expected) =>
        Assert.Equal(new Uri(expected), UserDataOf(EndpointAt(rest))!.Endpoint);

    [Fact]
    public void A_ws_api_url_is_taken_as_given() =>
        Assert.Equal(new Uri("wss://ws-api.binance.com:443/ws-api/v3"),
            UserDataOf(EndpointAt("https://api.binance.com", """ws-api-url = "wss://ws-api.binance.com:443/ws-api/v3" """))!.Endpoint);

    [Fact]
    public void An_exchange_section_overrides_the_defaults_where_it_says_so()
    {
        var stream = UserDataOf(EndpointAt("http://127.0.0.1:5001/", "user-data-ping-interval = 5s") + "\ntrading.endpoint-defaults.user-data-min-backoff = 2s")!;

        Assert.Equal((S(5), S(2)), (stream.PingInterval, stream.MinBackoff));
    }

    [Fact]
    public void An_endpoint_with_the_stream_off_has_none() =>
        Assert.Null(UserDataOf(EndpointAt("http://127.0.0.1:5001/", "user-data-stream = off")));

    [Theory]
    [InlineData("""ws-api-url = "https://ws-api.test/" """, "trading.exchanges.binance.endpoint.ws-api-url")]
    [InlineData("user-data-stream = maybe", "trading.exchanges.binance.endpoint.user-data-stream")]
    [InlineData("user-data-ping-interval = 0s", "trading.exchanges.binance.endpoint.user-data-ping-interval")]
    [InlineData("user-data-answer-timeout = soon", "trading.exchanges.binance.endpoint.user-data-answer-timeout")]
    [InlineData("user-data-max-backoff = 100ms", "trading.exchanges.binance.endpoint.user-data-max-backoff")]
    [InlineData("user-data-backoff-jitter = 1.5", "trading.exchanges.binance.endpoint.user-data-backoff-jitter")]
    public void A_bad_value_stops_start_up_naming_its_path(string setting, string path) =>
        Assert.Equal(path, Assert.Throws<SettingsException>(() => Read(EndpointAt("http://127.0.0.1:5001/", setting))).Path);

    [Fact]
    public void A_bad_default_is_named_where_it_was_set()
    {
        var error = Assert.Throws<SettingsException>(() => Read(EndpointAt("http://127.0.0.1:5001/") + "\ntrading.endpoint-defaults.user-data-min-backoff = -1s"));

        Assert.Equal("trading.endpoint-defaults.user-data-min-backoff", error.Path);
    }

    [Fact]
    public void The_engine_starts_one_stream_per_exchange_with_the_stream_on_under_user_data()
    {
        var settings = Read($$"""
            {{EndpointAt("http://127.0.0.1:5001/")}}
            trading.exchanges.bybit.endpoint { url = "http://127.0.0.1:5002/", api-key = k, api-secret = s, user-data-stream = off }
            """);

        Sys.ActorOf(TradingEngine.Props(settings, _ => null, Streams), TradingEngine.Name);

        Assert.Equal(new Uri("ws://127.0.0.1:5001/ws-api/v3"), Streams.NextOpening().Endpoint);
        Sys.ActorSelection("/user/trading/user-data/binance").Tell(new Identify("binance"));
        Assert.NotNull(ExpectMsg<ActorIdentity>().Subject);
        Sys.ActorSelection("/user/trading/user-data/bybit").Tell(new Identify("bybit"));
        Assert.Null(ExpectMsg<ActorIdentity>().Subject);
        Assert.False(Streams.HasOpening);
    }
}
