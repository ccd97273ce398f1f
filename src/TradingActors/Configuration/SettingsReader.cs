using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using TradingActors.Exchanges;

namespace TradingActors.Configuration;

/// <summary>
/// The one way the engine, the node and the simulator read their settings: typed, checked values from one
/// HOCON section, which may fall back to another (an exchange's section over the breaker defaults). A bad value
/// throws a <see cref="SettingsException"/> that names the path the value really came from and echoes it as written.
/// The values are read with Akka's own HOCON accessors; the rules on top of them are the same for every section.
/// </summary>
internal sealed class SettingsReader
{
    private const string ExpectedDuration = "a duration such as 250ms, 30s or 5m";

    private readonly Config _section;
    private readonly SettingsReader? _fallback;

    /// <summary>The section at <paramref name="sectionPath"/> of <paramref name="root"/> (the root itself for ""); an absent one is empty.</summary>
    public SettingsReader(Config root, string sectionPath, SettingsReader? fallback = null)
        : this(sectionPath, SectionAt(root, sectionPath, ""), fallback)
    {
    }

    private SettingsReader(string path, Config section, SettingsReader? fallback)
    {
        _section = section;
        Path = path;
        _fallback = fallback;
    }

    /// <summary>The HOCON path of this section.</summary>
    public string Path { get; }

    /// <summary>The keys this section sets itself, in the order written (not those of its fallback).</summary>
    public IReadOnlyCollection<string> Keys => _section.Root.GetObject().Items.Keys;

    public bool Has(string key) => _section.HasPath(key) || (_fallback?.Has(key) ?? false);

    /// <summary>Whether this section sets <paramref name="key"/> to an object <c>{ ... }</c>.</summary>
    public bool HasSection(string key) => _section.HasPath(key) && _section.GetValue(key).IsObject();

    public string PathOf(string key) =>
        _section.HasPath(key) || _fallback is null || !_fallback.Has(key) ? Join(Path, key) : _fallback.PathOf(key);

    /// <summary>The object at <paramref name="key"/>, read over <paramref name="fallback"/>; an absent one is empty.</summary>
    public SettingsReader Section(string key, SettingsReader? fallback = null) =>
        new(Join(Path, key), SectionAt(_section, key, Path), fallback);

    /// <summary>A list of objects, <c>[ { ... }, { ... } ]</c>, each named by its place (<c>schedule[1]</c>).</summary>
    public IReadOnlyList<SettingsReader> Sections(string key)
    {
        if (!_section.HasPath(key) || !_section.GetValue(key).IsArray())
            throw Invalid(key, "expected a list [ { ... }, ... ]");
        return _section.GetValue(key).GetArray()
            .Select((element, index) => element.IsObject()
                ? new SettingsReader($"{PathOf(key)}[{index}]", new Config(new HoconRoot(element)), null)
                : throw new SettingsException($"{PathOf(key)}[{index}]", Describe(element), "expected an object { ... }"))
            .ToList();
    }

    /// <summary>
    /// Refuses a key of this section that is not one of <paramref name="known"/>, naming the nearest known one:
    /// a misspelt setting is an error, not a silent default.
    /// </summary>
    public void RejectUnknownKeys(IEnumerable<string> known)
    {
        var names = known.Distinct().ToList();
        if (Keys.FirstOrDefault(key => !names.Contains(key)) is not { } unknown)
            return;
        var problem = Suggestions.Nearest(unknown, names) is { } nearest
            ? $"is not a setting here; did you mean {nearest}?"
            : $"is not a setting here; expected one of {string.Join(", ", names)}";
        throw new SettingsException(Join(Path, unknown), null, problem);
    }

    public int Int(string key, int min = int.MinValue, int max = int.MaxValue) =>
        Read(key, "a whole number", value => value.GetInt(), v => v >= min && v <= max ? null : Range(min, max));

    public double Double(string key, double min = double.MinValue, double max = double.MaxValue) =>
        Read(key, "a number", value => value.GetDouble(), v => double.IsFinite(v) && v >= min && v <= max ? null : Range(min, max));

    /// <summary>A price or quantity: a plain decimal such as <c>0.001</c>, read exactly.</summary>
    /// <param name="minIncluded">False: the value must be above <paramref name="min"/>, not merely at least it.</param>
    public decimal Decimal(string key, decimal min, bool minIncluded = true) =>
        Read(key, "a plain decimal number such as 0.001",
            value => PlainDecimal.TryParse(value.GetString(), out var v) ? v : throw new FormatException(),
            v => v > min || (minIncluded && v == min) ? null : $"must be {(minIncluded ? "at least" : "above")} {PlainDecimal.Format(min)}");

    // HOCON's booleans are true/false, yes/no and on/off; Akka's GetBoolean knows only the first and last pairs.
    public bool Bool(string key) =>
        Read(key, "on or off", value => value.GetString().ToLowerInvariant() switch
        {
            "on" or "true" or "yes" => true,
            "off" or "false" or "no" => false,
            _ => throw new FormatException(),
        }, _ => null);

    /// <summary>
    /// A duration such as <c>30s</c>, <c>250ms</c> or <c>5m</c>, above zero unless <paramref name="zeroAllowed"/>. A number
    /// without a unit is refused, 0 aside: Akka would read it as milliseconds, which nobody who writes 75 means.
    /// </summary>
    public TimeSpan Duration(string key, bool zeroAllowed = false) =>
        Read(key, ExpectedDuration, value => value.GetTimeSpan(allowInfinite: false), v =>
            v < TimeSpan.Zero || (v == TimeSpan.Zero && !zeroAllowed) ? (zeroAllowed ? "must not be negative" : "must be above zero") : null,
            text => IsBareNumber(text) && text != "0" ? $"a duration needs its unit, such as {text}s or {text}ms" : null);

    public string String(string key) =>
        Optional(key) ?? throw Invalid(key, "expected a non-empty string");

    /// <summary>A string that may be empty, meaning "none"; null for an empty one.</summary>
    public string? Optional(string key)
    {
        if (!Has(key))
            return null;
        var value = ValueOf(key);
        return value.IsObject() || value.IsArray() ? throw Invalid(key, "expected a string")
            : value.GetString() is { Length: > 0 } text ? text : null;
    }

    public TEnum Enum<TEnum>(string key) where TEnum : struct, System.Enum =>
        Read(key, string.Join(", ", System.Enum.GetNames<TEnum>().Select(Kebab)),
            value => System.Enum.TryParse<TEnum>(value.GetString().Replace("-", ""), ignoreCase: true, out var v) ? v : throw new FormatException(),
            _ => null);

    /// <summary>A list of strings such as <c>[bybit, kraken]</c>; an absent one is empty.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        if (!_section.HasPath(key))
            return _fallback?.Strings(key) ?? [];
        // The parser may keep the blanks after a list (before a comment, say) as a part of its value.
        var parts = _section.GetValue(key).Values.Where(part => part is not HoconLiteral { Value: var text } || !string.IsNullOrWhiteSpace(text)).ToList();
        if (parts.Count == 0 || !parts.All(part => part is HoconArray)
            || parts.SelectMany(part => (HoconArray)part).Any(element => element.IsObject() || element.IsArray() || element.GetString() is null))
            throw Invalid(key, "expected a list of strings such as [a, b]");
        return parts.SelectMany(part => (HoconArray)part).Select(element => element.GetString()).ToArray();
    }

    /// <summary>The value at <paramref name="key"/> is wrong for a reason only its reader knows: say so, echoing it as written.</summary>
    public SettingsException Invalid(string key, string problem) =>
        new(PathOf(key), Has(key) ? Describe(ValueOf(key)) : null, problem);

    /// <summary>How a HOCON value is echoed in a message: a scalar as written, a list by its items, an object as <c>{ ... }</c>.</summary>
    private static string Describe(HoconValue value) =>
        value.IsObject() ? "{ ... }"
        : value.IsArray() ? $"[{string.Join(", ", value.GetArray().Select(Describe))}]"
        : value.GetString() ?? "null";

    /// <param name="refuse">A problem with the text as written, which Akka would read into something unmeant.</param>
    private T Read<T>(string key, string expected, Func<HoconValue, T> parse, Func<T, string?> check, Func<string, string?>? refuse = null)
        where T : struct
    {
        if (!_section.HasPath(key))
            return _fallback is not null ? _fallback.Read(key, expected, parse, check, refuse) : throw Missing(key, expected);
        var value = _section.GetValue(key);
        if (value.IsObject() || value.IsArray() || value.GetString() is null)
            throw Invalid(key, $"expected {expected}");
        if (refuse?.Invoke(value.GetString().Trim()) is { } refused)
            throw Invalid(key, refused);
        T parsed;
        try
        {
            parsed = parse(value);
        }
        catch (Exception e) when (e is FormatException or OverflowException or NotSupportedException or ArgumentException)
        {
            throw Invalid(key, $"expected {expected}");
        }
        return check(parsed) is { } problem ? throw Invalid(key, problem) : parsed;
    }

    private HoconValue ValueOf(string key) => _section.HasPath(key) ? _section.GetValue(key) : _fallback!.ValueOf(key);

    private SettingsException Missing(string key, string expected) => new(Join(Path, key), null, $"is missing; expected {expected}");

    private static bool IsBareNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // A section that is really a scalar (trading.feeds = 7) is refused where it is written, before Akka's
    // GetConfig trips over it; each enclosing path is checked first, for trading = 5 as much as trading.feeds = 7.
    private static Config SectionAt(Config root, string path, string rootPath)
    {
        if (path.Length == 0)
            return root;
        var segments = path.Split('.');
        for (var length = 1; length <= segments.Length; length++)
        {
            var prefix = string.Join('.', segments[..length]);
            if (!root.HasPath(prefix))
                return Config.Empty;
            if (root.GetValue(prefix) is var value && !value.IsObject())
                throw new SettingsException(Join(rootPath, prefix), Describe(value), "expected an object { ... }");
        }
        return root.GetConfig(path);
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

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
