namespace TradingActors.ExchangeSim;

/// <summary>
/// What a client sent, as an error quotes it back: enough to recognise, never all of it, since a request may carry
/// megabytes where a name belongs and an error that echoes them whole multiplies them.
/// </summary>
internal static class Echo
{
    public const int MaxLength = 40;

    public static string Bounded(string text, int maxLength = MaxLength)
    {
        if (text.Length <= maxLength)
            return text;
        // Never half a surrogate pair: the cut text must still be valid UTF-16.
        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Concat(text.AsSpan(0, cut), "\u2026");
    }
}
