using System.Text;
using System.Text.Json;

namespace TradingActors.MarketData;

/// <summary>
/// The symbols a feed subscribed to, with their UTF-8 bytes: a trade of one of them gets the feed's own string
/// for its symbol, so that reading a trade allocates no new one; any other symbol is read as it comes.
/// </summary>
internal sealed class KnownSymbols(IEnumerable<string> symbols)
{
    private readonly (byte[] Utf8, string Name)[] _symbols = symbols.Select(name => (Encoding.UTF8.GetBytes(name), name)).ToArray();

    /// <summary>The string the reader is on, which must be a string token.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
            foreach (var (utf8, name) in _symbols)
                if (reader.ValueSpan.SequenceEqual(utf8))
                    return name;
        return reader.GetString()!;
    }
}
