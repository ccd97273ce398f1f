using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>
/// A request's parameters as Binance reads them: on REST from the query string and from a form body, the
/// query string winning where both carry one; on the WebSocket API from the request's params object;
/// and the text a signature covers. A name that comes twice in one of them is refused (-1101).
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
        var values = EachNameOnce(QueryHelpers.ParseQuery(body));
        foreach (var (name, value) in EachNameOnce(QueryHelpers.ParseQuery(query)))
            values[name] = value;
        return new RequestParameters(values, WithoutSignature(query) + WithoutSignature(body));
    }

    /// <summary>
    /// A WebSocket API request's params. The signature covers every other param, sorted by name, as
    /// name=value pairs joined by &amp;; values as sent (a string's text, a number's digits), not URL-encoded.
    /// </summary>
    public static RequestParameters FromJson(JsonElement parameters)
    {
        var values = new Dictionary<string, StringValues>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters.EnumerateObject())
        {
            if (!names.Add(parameter.Name))
                throw ExchangeError.DuplicateParameter();
            if (parameter.Value.ValueKind != JsonValueKind.Null)
                values[parameter.Name] = parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString() : parameter.Value.GetRawText();
        }
        var signed = values
            .Where(entry => entry.Key != SignatureParameter)
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => $"{entry.Key}={entry.Value}");
        return new RequestParameters(values, string.Join('&', signed));
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

    private static Dictionary<string, StringValues> EachNameOnce(Dictionary<string, StringValues> parsed) =>
        parsed.Values.Any(value => value.Count > 1) ? throw ExchangeError.DuplicateParameter() : parsed;

    private static string WithoutSignature(string raw) =>
        string.Join('&', raw.Split('&').Where(pair => !pair.StartsWith(SignatureParameter + "=", StringComparison.Ordinal)));
}
