using System.Reflection;

namespace TradingActors.Configuration.Options;

/// <summary>
/// The one naming rule between the options and HOCON: an option is its HOCON key in PascalCase (<c>failure-threshold</c>:
/// <c>FailureThreshold</c>), and the names in a section of names (an exchange's, a feed's, a fallback chain's) are kept as
/// written.
/// </summary>
internal static class OptionNames
{
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
}
