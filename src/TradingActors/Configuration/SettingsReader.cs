using Akka.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Configuration;

/// <summary>
/// Reads typed, checked values from one HOCON section that falls back to another (an exchange's
/// section over the breaker defaults), and names the path the value really came from when it is bad.
/// </summary>
public sealed class SettingsReader
{
    private readonly Config _section;
    private readonly string _sectionPath;
    private readonly SettingsReader? _fallback;

    public SettingsReader(Config root, string sectionPath, SettingsReader? fallback = null)
    {
        _section = root.HasPath(sectionPath) ? root.GetConfig(sectionPath) : Config.Empty;
        _sectionPath = sectionPath;
        _fallback = fallback;
    }

    public bool Has(string key) => _section.HasPath(key) || (_fallback?.Has(key) ?? false);

    public string PathOf(string key) =>
        _section.HasPath(key) || _fallback is null || !_fallback.Has(key) ? $"{_sectionPath}.{key}" : _fallback.PathOf(key);

    public int Int(string key, int min = int.MinValue, int max = int.MaxValue) =>
        Read<int>(key, "a whole number", raw => int.TryParse(raw, out var v) ? v : null,
            v => v >= min && v <= max ? null : Range(min, max));

    public double Double(string key, double min = double.MinValue, double max = double.MaxValue) =>
        Read<double>(key, "a number", raw => double.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null,
            v => double.IsFinite(v) && v >= min && v <= max ? null : Range(min, max));

    /// <summary>A price or quantity: a plain decimal such as <c>0.001</c>, read exactly.</summary>
    public decimal Decimal(string key, decimal min) =>
        Read<decimal>(key, "a plain decimal number such as 0.001", raw => PlainDecimal.TryParse(raw, out var v) ? v : null,
            v => v >= min ? null : $"must be at least {PlainDecimal.Format(min)}");

    public bool Bool(string key) =>
        Read(key, "on or off", raw => raw.ToLowerInvariant() switch
        {
            "on" or "true" or "yes" => true,
            "off" or "false" or "no" => false,
            _ => (bool?)null,
        }, _ => null);

    /// <summary>A duration such as <c>30s</c>, <c>250ms</c> or <c>5m</c>; it must be above zero.</summary>
    public TimeSpan Duration(string key, bool zeroAllowed = false) =>
        Read(key, "a duration such as 250ms, 30s or 5m", ParseDuration,
            v => v > TimeSpan.Zero || (zeroAllowed && v == TimeSpan.Zero) ? null : zeroAllowed ? "must not be negative" : "must be above zero");

    public string String(string key) =>
        Raw(key) is { Length: > 0 } raw ? raw : throw new SettingsException(PathOf(key), Raw(key), "expected a non-empty string");

    /// <summary>A string that may be empty, meaning "none"; null for an empty one.</summary>
    public string? Optional(string key) => Raw(key) is { Length: > 0 } raw ? raw : null;

    public TEnum Enum<TEnum>(string key) where TEnum : struct, System.Enum =>
        Read<TEnum>(key, string.Join(", ", System.Enum.GetNames<TEnum>().Select(Kebab)),
            raw => System.Enum.TryParse<TEnum>(raw.Replace("-", ""), ignoreCase: true, out var v) ? v : null, _ => null);

    public IReadOnlyList<string> Strings(string key)
    {
        if (!_section.HasPath(key))
            return _fallback?.Strings(key) ?? [];
        try
        {
            return _section.GetStringList(key).ToArray();
        }
        catch (Exception e) when (e is not SettingsException)
        {
            throw new SettingsException(PathOf(key), Raw(key), "expected a list of strings");
        }
    }

    private T Read<T>(string key, string expected, Func<string, T?> parse, Func<T, string?> check) where T : struct
    {
        if (!_section.HasPath(key))
            return _fallback is not null
                ? _fallback.Read(key, expected, parse, check)
                : throw new SettingsException($"{_sectionPath}.{key}", null, $"is missing; expected {expected}");
        var raw = Raw(key);
        var value = raw is null ? null : parse(raw.Trim());
        if (value is not { } parsed)
            throw new SettingsException(PathOf(key), raw ?? "(an object)", $"expected {expected}");
        return check(parsed) is { } problem ? throw new SettingsException(PathOf(key), raw, problem) : parsed;
    }

    private string? Raw(string key)
    {
        if (!_section.HasPath(key))
            return _fallback?.Raw(key);
        var value = _section.GetValue(key);
        return value is null || value.IsObject() || value.IsArray() ? null : value.GetString();
    }

    private static TimeSpan? ParseDuration(string raw)
    {
        var digits = raw.TakeWhile(c => char.IsDigit(c) || c is '.' or '-').Count();
        if (digits == 0 || !double.TryParse(raw[..digits], System.Globalization.CultureInfo.InvariantCulture, out var amount))
            return null;
        double? milliseconds = raw[digits..].Trim() switch
        {
            "ms" or "millis" or "milliseconds" or "" => 1,
            "s" or "second" or "seconds" => 1_000,
            "m" or "minute" or "minutes" => 60_000,
            "h" or "hour" or "hours" => 3_600_000,
            _ => null,
        };
        return milliseconds is { } unit && double.IsFinite(amount * unit)
            ? TimeSpan.FromMilliseconds(amount * unit)
            : null;
    }

    private static string Range(double min, double max) =>
        (min, max) switch
        {
            (double.MinValue or int.MinValue, _) => $"must be at most {max}",
            (_, double.MaxValue or int.MaxValue) => $"must be at least {min}",
            _ => $"must be between {min} and {max}",
        };

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
