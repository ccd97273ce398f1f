using System.Globalization;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>How Binance writes values: amounts as strings with eight decimals, times in epoch milliseconds, names in upper case.</summary>
internal static class Wire
{
    public static string Amount(decimal value) => value.ToString("F8", CultureInfo.InvariantCulture);

    public static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    // Every enum the API speaks is named on the wire as its member in upper case (GTC, LIMIT, CANCELED).
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToUpperInvariant();

    public static TEnum? Parse<TEnum>(string text) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(value => Name(value!.Value) == text);
}
