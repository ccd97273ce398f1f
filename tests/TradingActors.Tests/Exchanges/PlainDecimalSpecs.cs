using TradingActors.Exchanges;

namespace TradingActors.Tests.Exchanges;

/// <summary>An exchange's numbers are read and written as plain decimal strings, exactly.</summary>
public sealed class PlainDecimalSpecs
{
    [Theory]
    [InlineData("42000.10", "42000.10")]
    [InlineData("0.00000001", "0.00000001")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("7", "7")]
    [InlineData(".5", "0.5")]
    public void A_plain_decimal_is_read_exactly(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PlainDecimal.TryParse(text, out var value) ? value : -999m);

    [Theory]
    [InlineData("1e-8")]
    [InlineData("1E5")]
    [InlineData("1,000.00")]
    [InlineData(" 1.0")]
    [InlineData("+1.0")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-")]
    public void Anything_else_is_not_a_number_of_the_exchange(string text) => Assert.False(PlainDecimal.TryParse(text, out _));

    [Fact]
    public void Writing_keeps_every_digit_and_never_uses_an_exponent()
    {
        Assert.Equal("0.00000001", PlainDecimal.Format(0.00000001m));
        Assert.Equal("0.3", PlainDecimal.Format(0.1m + 0.2m));
        Assert.Equal("123456789012.12345678", PlainDecimal.Format(123456789012.12345678m));
    }
}
