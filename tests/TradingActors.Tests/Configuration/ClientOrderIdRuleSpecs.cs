using Akka.Configuration;
using TradingActors.Configuration;

namespace TradingActors.Tests.Configuration;

/// <summary>
/// An order's client order id must suit its exchange and every exchange it may fall back to: Bybit takes no
/// <c>. : /</c>, Kraken a UUID or at most 18 characters, where the engine's own rule is Binance's.
/// </summary>
public sealed class ClientOrderIdRuleSpecs
{
    private const string Secret = "c2ltLWFwaS1zZWNyZXQ=";

    private static readonly TradingSettings Settings = TradingSettings.From(ConfigurationFactory.ParseString($$"""
        trading.exchanges {
          binance.endpoint { url = "http://127.0.0.1:5001/", api-key = k, api-secret = s }
          bybit.endpoint { url = "http://127.0.0.1:5002/", api-key = k, api-secret = s, protocol = bybit }
          kraken.endpoint { url = "http://127.0.0.1:5003/", api-key = k, api-secret = "{{Secret}}", protocol = kraken }
        }
        trading.routing.fallbacks { binance = [kraken], bybit = [] }
        """));

    [Theory]
    [InlineData("bybit", "order.1")]
    [InlineData("bybit", "order:1")]
    [InlineData("kraken", "an-order-of-19-char")]
    [InlineData("binance", "an-order-of-19-char")]
    public void An_id_one_of_the_candidates_would_refuse_is_a_problem(string exchange, string id)
    {
        Assert.NotNull(Settings.ClientOrderIdProblem(exchange, id));
    }

    [Theory]
    [InlineData("bybit", "order_1-a")]
    [InlineData("kraken", "an-order-of-18-chr")]
    [InlineData("kraken", "6d1b345e-2821-40e2-ad83-4ecb18a06876")]
    [InlineData("binance", "6d1b345e282140e2ad834ecb18a06876")]
    [InlineData("binance", "no.fallback:at/all")]
    public void An_id_every_candidate_takes_is_no_problem(string exchange, string id)
    {
        Assert.Null(Settings.ClientOrderIdProblem(exchange, id));
    }

    [Fact]
    public void The_problem_names_the_fallback_that_would_refuse_it()
    {
        Assert.Equal("kraken, which it may fall back to: a Kraken cl_ord_id is a UUID or at most 18 characters",
            Settings.ClientOrderIdProblem("binance", "an-order-of-19-char"));
    }
}
