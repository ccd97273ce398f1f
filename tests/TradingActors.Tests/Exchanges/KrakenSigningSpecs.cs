using TradingActors.Exchanges.Kraken;

namespace TradingActors.Tests.Exchanges;

/// <summary>
/// Kraken's documented signature example, from its Spot REST Authentication guide
/// (https://docs.kraken.com/api/docs/guides/spot-rest-auth): a limit order to buy 1.25 XBTUSD at 37500.
/// </summary>
public sealed class KrakenSigningSpecs
{
    private const string PrivateKey = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private const long Nonce = 1616492376594;
    private const string EncodedPayload = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
    private const string UriPath = "/0/private/AddOrder";
    private const string ApiSign = "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

    [Fact]
    public void Writes_Kraken_s_documented_payload()
    {
        var form = DocumentedOrder();

        Assert.Equal(EncodedPayload, System.Text.Encoding.ASCII.GetString(form.Body()));
        form.Dispose();
    }

    [Fact]
    public void Signs_Kraken_s_documented_example_to_its_documented_signature()
    {
        var form = DocumentedOrder();

        Assert.Equal(ApiSign, form.Sign(UriPath, Convert.FromBase64String(PrivateKey)));
        form.Dispose();
    }

    [Fact]
    public void Escapes_a_value_s_reserved_characters_as_a_form_requires()
    {
        var form = new KrakenForm(1);
        form.Add("cl_ord_id", "desk/7:a b");

        Assert.Equal("nonce=1&cl_ord_id=desk%2F7%3Aa%20b", System.Text.Encoding.ASCII.GetString(form.Body()));
        form.Dispose();
    }

    private static KrakenForm DocumentedOrder()
    {
        var form = new KrakenForm(Nonce);
        form.Add("ordertype", "limit");
        form.Add("pair", "XBTUSD");
        form.Add("price", 37500m);
        form.Add("type", "buy");
        form.Add("volume", 1.25m);
        return form;
    }
}
