namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// Kraken's order ids, such as <c>OU22CG-KLAF2-FWUDD7</c>: the market's order number written in base 32 in
/// Kraken's 6-5-6 layout, so that an id read back names the same order.
/// </summary>
internal static class KrakenTxid
{
    private const string Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const int Length = 16;

    public static string Of(long orderId)
    {
        Span<char> digits = stackalloc char[Length];
        var rest = (ulong)orderId;
        for (var i = Length - 1; i >= 0; i--, rest >>= 5)
            digits[i] = Digits[(int)(rest & 31)];
        return $"O{digits[..5]}-{digits[5..10]}-{digits[10..]}";
    }

    public static long? TryParse(string txid)
    {
        if (txid.Length != Length + 3 || txid[0] != 'O' || txid[6] != '-' || txid[12] != '-')
            return null;
        ulong value = 0;
        foreach (var digit in string.Concat(txid.AsSpan(1, 5), txid.AsSpan(7, 5), txid.AsSpan(13)))
        {
            var index = Digits.IndexOf(digit);
            if (index < 0)
                return null;
            value = (value << 5) | (uint)index;
        }
        return value <= long.MaxValue ? (long)value : null;
    }
}
