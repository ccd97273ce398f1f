using System.Globalization;
using System.Numerics;

namespace TradingActors.Exchanges;

/// <summary>
/// Prices and quantities as exchanges write them: plain decimal strings, such as <c>42000.10</c> or
/// <c>0.00000001</c>. No exponent, no thousands separator, no rounding either way: what is read is
/// exactly what the exchange wrote, and what is written is exactly the caller's value.
/// </summary>
internal static class PlainDecimal
{
    private const NumberStyles Plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Reads an optional minus sign, digits and at most one decimal point; anything else is not a plain decimal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        return IsPlain(text) && decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><see cref="TryParse(ReadOnlySpan{char}, out decimal)"/> on UTF-8 text, as a reply's bytes hold it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out decimal value)
    {
        value = 0;
        return IsPlain(utf8) && decimal.TryParse(utf8, Plain, CultureInfo.InvariantCulture, out value);
    }

    public static decimal Parse(string text, string what) =>
        TryParse(text, out var value) ? value : throw new FormatException($"{what} '{text}' is not a plain decimal number");

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    // One check for chars and UTF-8 bytes: the characters it allows are all ASCII.
    private static bool IsPlain<T>(ReadOnlySpan<T> text) where T : unmanaged, IBinaryInteger<T>
    {
        var digits = text.Length > 0 && text[0] == T.CreateTruncating('-') ? text[1..] : text;
        var point = digits.IndexOf(T.CreateTruncating('.'));
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        return !(whole.IsEmpty && fraction.IsEmpty) && AllDigits(whole) && AllDigits(fraction);
    }

    private static bool AllDigits<T>(ReadOnlySpan<T> text) where T : unmanaged, IBinaryInteger<T> =>
        !text.ContainsAnyExceptInRange(T.CreateTruncating('0'), T.CreateTruncating('9'));
}
