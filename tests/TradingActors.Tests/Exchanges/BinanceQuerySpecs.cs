using System.Security.Cryptography;
using System.Text;
using TradingActors.Exchanges.Binance;

namespace TradingActors.Tests.Exchanges;

public sealed class BinanceQuerySpecs
{
    [Fact]
    public void Signs_Binance_s_documented_example_to_its_documented_signature()
    {
        var query = new BinanceQuery();
        query.Add("symbol", "LTCBTC");
        query.Add("side", "BUY");
        query.Add("type", "LIMIT");
        query.Add("timeInForce", "GTC");
        query.Add("quantity", 1m);
        query.Add("price", 0.1m);
        query.Add("recvWindow", 5000L);
        query.Add("timestamp", 1499827319559L);
        query.Sign(Encoding.UTF8.GetBytes("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"));

        Assert.Equal(
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559" +
            "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
            query.ToString(""));
        query.Dispose();
    }

    [Fact]
    public void Escapes_a_value_s_reserved_characters_as_a_URL_requires()
    {
        var query = new BinanceQuery();
        query.Add("newClientOrderId", "desk/7:a b");

        Assert.Equal("/api/v3/order?newClientOrderId=desk%2F7%3Aa%20b", query.ToString("/api/v3/order?"));
        query.Dispose();
    }

    [Fact]
    public void Writes_decimals_plainly_with_every_digit_the_caller_gave()
    {
        var query = new BinanceQuery();
        query.Add("quantity", 0.00000001m);
        query.Add("price", 42000.10m);

        Assert.Equal("quantity=0.00000001&price=42000.10", query.ToString(""));
        query.Dispose();
    }

    [Fact]
    public void Grows_past_its_first_buffer_without_losing_a_character()
    {
        var query = new BinanceQuery();
        var value = new string('x', 1000);
        query.Add("a", value);
        query.Add("b", 1L);
        query.Sign("secret"u8);

        var text = query.ToString("");
        var signed = text[..text.IndexOf("&signature=", StringComparison.Ordinal)];
        Assert.Equal($"a={value}&b=1", signed);
        Assert.EndsWith(Convert.ToHexStringLower(HMACSHA256.HashData("secret"u8, Encoding.UTF8.GetBytes(signed))), text);
        query.Dispose();
    }
}
