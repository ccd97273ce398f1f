using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradingActors.Exchanges.Binance;

/// <summary>
/// A request's parameters as Binance reads them, <c>name=value&amp;...</c>, written into one pooled buffer and signed from it:
/// no string per parameter, none for the payload that is signed. Dispose it once its text is taken.
/// </summary>
internal ref struct BinanceQuery
{
    // What a parameter value may hold unescaped (RFC 3986's unreserved set, as Uri.EscapeDataString keeps).
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    private char[] _buffer = ArrayPool<char>.Shared.Rent(256);
    private int _length;

    public BinanceQuery()
    {
    }

    public readonly bool IsEmpty => _length == 0;

    public void Add(string name, string value) =>
        Append(name, value.AsSpan().ContainsAnyExcept(Unreserved) ? Uri.EscapeDataString(value) : value);

    public void Add(string name, decimal value)
    {
        Name(name);
        Formatted(value);
    }

    public void Add(string name, long value)
    {
        Name(name);
        Formatted(value);
    }

    /// <summary>Binance's signature: HMAC-SHA256 of the parameters so far with the account's secret, in lowercase hex, appended.</summary>
    public void Sign(ReadOnlySpan<byte> secret)
    {
        var payload = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(_length));
        Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, payload.AsSpan(0, Encoding.UTF8.GetBytes(_buffer.AsSpan(0, _length), payload)), signature);
        ArrayPool<byte>.Shared.Return(payload);
        Name("signature");
        Ensure(signature.Length * 2);
        Convert.TryToHexStringLower(signature, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    /// <summary>The parameters, after <paramref name="prefix"/> (a path and '?', or nothing).</summary>
    public readonly string ToString(string prefix) => string.Concat(prefix, _buffer.AsSpan(0, _length));

    /// <summary>The parameters as UTF-8, for a form body.</summary>
    public readonly byte[] ToUtf8() => Encoding.UTF8.GetBytes(_buffer, 0, _length);

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private void Append(string name, ReadOnlySpan<char> value)
    {
        Name(name);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    private void Name(string name)
    {
        Ensure(name.Length + 2);
        if (_length > 0)
            _buffer[_length++] = '&';
        name.CopyTo(_buffer.AsSpan(_length));
        _length += name.Length;
        _buffer[_length++] = '=';
    }

    private void Formatted<T>(T value) where T : ISpanFormattable
    {
        int written;
        while (!value.TryFormat(_buffer.AsSpan(_length), out written, default, CultureInfo.InvariantCulture))
            Ensure(_buffer.Length);
        _length += written;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
            return;
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
