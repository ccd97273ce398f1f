using System.Globalization;

namespace TradingActors.Exchanges;

/// <summary>
/// Prices and quantities as exchanges write them: plain decimal strings, such as <c>42000.10</c> or
/// <c>0.00000001</c>. No exponent, no thousands separator, no rounding either way: what is read is
/// exactly what the exchange wrote, and what is written is exactly the caller's value.
/// </summary>
internal static class PlainDecimal
{
    /// <summary>Reads an optional minus sign, digits and at most one decimal point; anything else is not a plain decimal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        var digits = text.StartsWith('-') ? text[1..] : text;
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        if (whole.IsEmpty && fraction.IsEmpty || !AllDigits(whole) || !AllDigits(fraction))
            return false;
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The same as the text overload, on UTF-8 as it came off the wire.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out decimal value)
    {
        value = 0;
        var digits = utf8.StartsWith((byte)'-') ? utf8[1..] : utf8;
        var point = digits.IndexOf((byte)'.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        if (whole.IsEmpty && fraction.IsEmpty || !AllDigits(whole) || !AllDigits(fraction))
            return false;
        return decimal.TryParse(utf8, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static decimal Parse(string text, string what) =>
        TryParse(text, out var value) ? value : throw new FormatException($"{what} '{text}' is not a plain decimal number");

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    private static bool AllDigits(ReadOnlySpan<byte> utf8) => !utf8.ContainsAnyExceptInRange((byte)'0', (byte)'9');
}
