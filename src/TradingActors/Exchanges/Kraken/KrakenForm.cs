using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// A private call's form body, <c>nonce=...&amp;name=value...</c>, written as UTF-8 into one pooled buffer and signed
/// from it. The nonce's digits sit just before the body, so that SHA-256(nonce + POST data) is one hash over
/// one span: no string per parameter, none for what is signed. Dispose it once the body is taken.
/// </summary>
internal ref struct KrakenForm
{
    // What a parameter value may hold unescaped (RFC 3986's unreserved set, as Uri.EscapeDataString keeps).
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);
    private readonly int _bodyStart;
    private int _length;

    public KrakenForm(long nonce)
    {
        Utf8Formatter.TryFormat(nonce, _buffer, out _bodyStart);
        _length = _bodyStart;
        Name("nonce");
        Utf8Formatter.TryFormat(nonce, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    public void Add(string name, string value)
    {
        var text = value.AsSpan().ContainsAnyExcept(Unreserved) ? Uri.EscapeDataString(value) : value;
        Name(name);
        Ensure(text.Length);
        _length += Encoding.ASCII.GetBytes(text, _buffer.AsSpan(_length));
    }

    public void Add(string name, decimal value)
    {
        Name(name);
        int written;
        while (!value.TryFormat(_buffer.AsSpan(_length), out written, default, CultureInfo.InvariantCulture))
            Ensure(_buffer.Length);
        _length += written;
    }

    /// <summary>Kraken's API-Sign: base64(HMAC-SHA512(secret, <paramref name="path"/> + SHA-256(nonce + body))).</summary>
    public readonly string Sign(string path, ReadOnlySpan<byte> secret)
    {
        Span<byte> message = stackalloc byte[path.Length + SHA256.HashSizeInBytes];
        var pathLength = Encoding.ASCII.GetBytes(path, message);
        SHA256.HashData(_buffer.AsSpan(0, _length), message[pathLength..]);
        Span<byte> signature = stackalloc byte[HMACSHA512.HashSizeInBytes];
        HMACSHA512.HashData(secret, message[..(pathLength + SHA256.HashSizeInBytes)], signature);
        return Convert.ToBase64String(signature);
    }

    /// <summary>The body as sent, without the nonce's digits that only the signature covers.</summary>
    public readonly byte[] Body() => _buffer.AsSpan(_bodyStart, _length - _bodyStart).ToArray();

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private void Name(string name)
    {
        Ensure(name.Length + 2);
        if (_length > _bodyStart)
            _buffer[_length++] = (byte)'&';
        _length += Encoding.ASCII.GetBytes(name, _buffer.AsSpan(_length));
        _buffer[_length++] = (byte)'=';
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
            return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
