using System.Reflection;
using System.Text.RegularExpressions;

namespace TradingActors.Configuration.Options;

/// <summary>
/// The one naming rule between the options and HOCON: an option is its HOCON key in PascalCase (<c>failure-threshold</c>:
/// <c>FailureThreshold</c>), and the names in a section of names (an exchange's, a feed's, a fallback chain's) are kept as
/// written. The options are read as HOCON, so their errors name HOCON paths; <see cref="Translated"/> names them as the
/// options do, <c>Trading:Exchanges:binance:FailureThreshold</c>, the path the user wrote.
/// </summary>
internal static partial class OptionNames
{
    /// <summary>Every option's HOCON key, for finding keys in a reader's reason (<c>did you mean failure-threshold?</c>).</summary>
    private static readonly IReadOnlySet<string> Keys = KeysOf(typeof(TradingOptions), []);

    /// <summary>An option's HOCON key: <c>FailureThreshold</c>, <c>failureThreshold</c>: <c>failure-threshold</c>.</summary>
    public static string Key(string option) =>
        string.Concat(option.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>A HOCON key's option: <c>failure-threshold</c>: <c>FailureThreshold</c>.</summary>
    public static string Option(string key) =>
        string.Concat(key.Split('-').Where(word => word.Length > 0).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>The option of <paramref name="options"/> called <paramref name="name"/> in any case, as <c>IConfiguration</c> matches keys.</summary>
    public static PropertyInfo? Property(Type options, string name) =>
        options.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    /// <summary>A section of names (exchanges, feeds, fallbacks): what it holds per name, or null for any other type.</summary>
    public static Type? NamedType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

    /// <summary>A list of strings, such as symbols or a fallback chain.</summary>
    public static bool IsList(Type type) => type != typeof(string) && type.IsAssignableTo(typeof(IEnumerable<string>));

    /// <summary>A single value: a number, a duration, a switch, a choice or a string.</summary>
    public static bool IsScalar(Type type) => type.IsValueType || type == typeof(string);

    /// <summary>A section of options, or of names.</summary>
    public static bool IsSection(Type type) => !IsScalar(type) && !IsList(type);

    /// <summary>
    /// <paramref name="error"/> in the options' names: its path under <paramref name="root"/> (the configuration section's path,
    /// or empty for options in code), and each HOCON path or key its reason names.
    /// </summary>
    public static SettingsException Translated(SettingsException error, string root) =>
        new(Path(error.Path, root), error.Value, ReasonName().Replace(error.Problem, name =>
            name.Value.StartsWith(TradingSettings.Section + ".", StringComparison.Ordinal) ? Path(name.Value, root)
            : Keys.Contains(name.Value) ? Option(name.Value)
            : name.Value));

    private static string Path(string hoconPath, string root)
    {
        var segments = hoconPath.Split('.');
        if (segments[0] != TradingSettings.Section)
            return hoconPath;
        var names = root.Length == 0 ? new List<string>() : [root];
        Type? section = typeof(TradingOptions);
        foreach (var segment in segments.Skip(1))
        {
            if (section is not null && NamedType(section) is { } named)
            {
                names.Add(segment);
                section = named;
                continue;
            }
            var option = section is null ? null : Property(section, Option(segment));
            names.Add(option?.Name ?? Option(segment));
            section = option?.PropertyType;
        }
        return string.Join(':', names);
    }

    private static HashSet<string> KeysOf(Type section, HashSet<string> keys)
    {
        foreach (var option in section.GetProperties())
        {
            keys.Add(Key(option.Name));
            if ((NamedType(option.PropertyType) ?? option.PropertyType) is var type && IsSection(type))
                KeysOf(type, keys);
        }
        return keys;
    }

    // A HOCON path or a key standing as a word of its own in a reason ("did you mean open-timeout?", "at least min-backoff (500ms)"),
    // not a piece of a file's path or of a longer word.
    [GeneratedRegex(@"(?<=^|[\s(])(?:trading(?:\.[\w-]+)+|[a-z]+(?:-[a-z]+)*)(?=$|[\s?,;:)])")]
    private static partial Regex ReasonName();
}
