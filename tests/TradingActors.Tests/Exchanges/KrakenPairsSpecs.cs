using TradingActors.Exchanges.Kraken;

namespace TradingActors.Tests.Exchanges;

public sealed class KrakenPairsSpecs
{
    [Theory]
    [InlineData("BTCUSDT", "XBTUSDT")]
    [InlineData("ETHUSDT", "ETHUSDT")]
    [InlineData("ETHBTC", "ETHXBT")]
    [InlineData("BTCUSD", "XBTUSD")]
    public void Kraken_writes_bitcoin_as_XBT_in_a_REST_pair(string symbol, string pair)
    {
        Assert.Equal(pair, KrakenPairs.PairOf(symbol));
    }

    [Theory]
    [InlineData("XBTUSDT", "BTCUSDT")]
    [InlineData("ETHXBT", "ETHBTC")]
    [InlineData("SOLEUR", "SOLEUR")]
    public void A_REST_pair_reads_back_as_the_engine_s_symbol(string pair, string symbol)
    {
        Assert.Equal(symbol, KrakenPairs.SymbolOf(pair));
    }
}
