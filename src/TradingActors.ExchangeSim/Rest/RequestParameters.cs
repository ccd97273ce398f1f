using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>
/// A request's parameters as Binance reads them: from the query string and from a form body, the query
/// string winning where both carry one; and the text a signature covers.
/// </summary>
internal sealed class RequestParameters
{
    private const string SignatureParameter = "signature";
    private readonly Dictionary<string, StringValues> _values;

    private RequestParameters(Dictionary<string, StringValues> values, string signedText)
    {
        _values = values;
        SignedText = signedText;
    }

    /// <summary>Binance's totalParams: the query string then the body, each as sent and without the signature, with nothing between them.</summary>
    public string SignedText { get; }

    public string? Signature => Optional(SignatureParameter);

    public static async Task<RequestParameters> ReadAsync(HttpRequest request)
    {
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        var body = "";
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }
        var values = QueryHelpers.ParseQuery(body);
        foreach (var (name, value) in QueryHelpers.ParseQuery(query))
            values[name] = value;
        return new RequestParameters(values, WithoutSignature(query) + WithoutSignature(body));
    }

    public string? Optional(string name) =>
        _values.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    public string Required(string name) => Optional(name) ?? throw ExchangeError.MandatoryParameter(name);

    public long? OptionalWholeNumber(string name) =>
        Optional(name) is { } text
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw ExchangeError.IllegalCharacters(name)
            : null;

    public long RequiredWholeNumber(string name) => OptionalWholeNumber(name) ?? throw ExchangeError.MandatoryParameter(name);

    public decimal RequiredDecimal(string name) =>
        decimal.TryParse(Required(name), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ExchangeError.IllegalCharacters(name);

    private static string WithoutSignature(string raw) =>
        string.Join('&', raw.Split('&').Where(pair => !pair.StartsWith(SignatureParameter + "=", StringComparison.Ordinal)));
}
