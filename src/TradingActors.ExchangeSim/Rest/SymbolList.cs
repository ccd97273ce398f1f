using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>Binance's <c>symbols</c> parameter: a JSON array of symbols, written as Binance's own pattern allows it.</summary>
internal static partial class SymbolList
{
    public const string Parameter = "symbols";

    // Binance's legal range, so that what the simulator accepts Binance accepts too: no spaces, symbols in upper case.
    [GeneratedRegex("""^\[("[A-Z0-9-_.]{1,20}"(,"[A-Z0-9-_.]{1,20}")*)?\]$""")]
    private static partial Regex Legal();

    public static IReadOnlyList<string> Parse(string text) =>
        Legal().IsMatch(text)
            ? JsonSerializer.Deserialize<string[]>(text)!.Distinct().ToList()
            : throw ExchangeError.IllegalCharacters(Parameter, """a JSON array of symbols without spaces, such as ["BTCUSDT","ETHUSDT"]""");
}
