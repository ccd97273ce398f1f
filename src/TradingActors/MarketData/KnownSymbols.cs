using System.Text;
using System.Text.Json;

namespace TradingActors.MarketData;

/// <summary>
/// The symbols a feed subscribed to, with the UTF-8 bytes of the name the exchange writes them under: a trade of
/// one of them gets the feed's own string for its symbol, so that reading a trade allocates no new one; any
/// other symbol is read as it comes, and named the engine's way.
/// </summary>
internal sealed class KnownSymbols
{
    private readonly (byte[] Utf8, string Name)[] _symbols;
    private readonly Func<string, string> _nameOf;

    /// <summary>Symbols the exchange writes as the engine does (BTCUSDT).</summary>
    public KnownSymbols(IEnumerable<string> symbols) : this(symbols.Select(name => (name, name)), name => name)
    {
    }

    /// <param name="symbols">Each symbol under the exchange's name for it, and the engine's.</param>
    /// <param name="nameOf">The engine's name for a symbol the exchange names, for those not subscribed to.</param>
    public KnownSymbols(IEnumerable<(string Exchanges, string Engines)> symbols, Func<string, string> nameOf)
    {
        _symbols = symbols.Select(symbol => (Encoding.UTF8.GetBytes(symbol.Exchanges), symbol.Engines)).ToArray();
        _nameOf = nameOf;
    }

    /// <summary>The symbol named by the string the reader is on, which must be a string token.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
            foreach (var (utf8, name) in _symbols)
                if (reader.ValueSpan.SequenceEqual(utf8))
                    return name;
        return _nameOf(reader.GetString()!);
    }
}
