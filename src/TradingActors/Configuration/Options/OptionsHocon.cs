using System.Collections;
using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace TradingActors.Configuration.Options;

/// <summary>
/// The options as the HOCON they stand for, the <c>trading</c> section that <see cref="TradingSettings.From"/> reads: one set of
/// rules for every route. The HOCON is built as a tree, not written as text, so no value goes through a parser and none
/// needs quoting: a string stays the string it was, whatever it holds.
/// </summary>
internal static class OptionsHocon
{
    /// <summary>Options set in code; an option left null is left out, so the reference configuration's default holds.</summary>
    public static Config From(TradingOptions options) => Trading(Written(options));

    /// <summary>
    /// A configuration section (appsettings.json, environment variables) laid out as <see cref="TradingOptions"/>, with each
    /// value as the configuration holds it: the rules of HOCON decide what it means. A key no option has is kept, so that the
    /// settings reader refuses it, naming the nearest one.
    /// </summary>
    public static Config From(IConfiguration section) => Trading(Read(typeof(TradingOptions), section));

    private static Config Trading(HoconObject trading)
    {
        var root = new HoconObject();
        Set(root, TradingSettings.Section, trading);
        return new Config(new HoconRoot(ValueOf(root)));
    }

    private static HoconObject Written(object options)
    {
        var hocon = new HoconObject();
        foreach (var option in options.GetType().GetProperties())
            if (option.GetValue(options) is { } value)
                Set(hocon, OptionNames.Key(option.Name), Value(value));
        return hocon;
    }

    private static IHoconElement Value(object value) => value switch
    {
        string text => Literal(text),
        bool flag => Literal(flag ? "on" : "off"),
        TimeSpan duration => Literal(Duration(duration)),
        Enum choice => Literal(OptionNames.Key(choice.ToString())),
        IFormattable number => Literal(number.ToString(null, CultureInfo.InvariantCulture)),
        IEnumerable<string> items => List(items.Select(Literal)),
        IDictionary names => Named(names.Keys.Cast<string>().Where(name => names[name] is not null).Select(name => (name, Value(names[name]!)))),
        _ => Written(value),
    };

    /// <param name="options">The options type the section is laid out as; null for a key no option has.</param>
    private static HoconObject Read(Type? options, IConfiguration section)
    {
        var named = options is null ? null : OptionNames.NamedType(options);
        var hocon = new HoconObject();
        foreach (var child in section.GetChildren())
        {
            var option = options is null || named is not null ? null : OptionNames.Property(options, child.Key);
            var type = named ?? option?.PropertyType;
            // A null value (a JSON null) of an option leaves its default, as a null option does in code.
            if (type is not null && OptionNames.IsScalar(type) && child.Value is null && !child.GetChildren().Any())
                continue;
            Set(hocon, named is not null ? child.Key : OptionNames.Key(option?.Name ?? child.Key), Value(type, child));
        }
        return hocon;
    }

    /// <summary>
    /// A value as the configuration holds it. A section with neither value nor children is an empty object or list in
    /// appsettings.json: an exchange's <c>"bybit": {}</c> still names the exchange.
    /// </summary>
    private static IHoconElement Value(Type? type, IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (section.Value is { } value && children.Count == 0)
            return Literal(type is not null && Nullable.GetUnderlyingType(type) == typeof(TimeSpan) ? Duration(value) : value);
        return type is not null && OptionNames.IsList(type) && children.All(child => Index(child) is not null)
            ? List(children.OrderBy(Index).Select(child => Value(null, child)))
            : Read(type is not null && OptionNames.IsSection(type) ? type : null, section);
    }

    private static int? Index(IConfigurationSection item) =>
        int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    /// <summary>
    /// A duration as a .NET configuration writes it, [d.]hh:mm:ss[.fffffff], which is what the configuration binder reads; HOCON's
    /// own 30s and 250ms pass as they are. A bare number stays one, for the reader to ask for its unit rather than take it as days.
    /// </summary>
    private static string Duration(string value) =>
        value.Contains(':') && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) && duration >= TimeSpan.Zero
            ? Duration(duration)
            : value;

    /// <summary>A duration as the configuration writes it (250ms, 1.5s, 5m), or to the tick in nanoseconds where it is finer than a millisecond.</summary>
    private static string Duration(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? Durations.Text(duration)
            : (duration.Ticks * 100m).ToString(CultureInfo.InvariantCulture) + "ns";

    private static HoconLiteral Literal(string value) => new() { Value = value };

    private static HoconArray List(IEnumerable<IHoconElement> items)
    {
        var list = new HoconArray();
        list.AddRange(items.Select(ValueOf));
        return list;
    }

    private static HoconObject Named(IEnumerable<(string Name, IHoconElement Section)> sections)
    {
        var hocon = new HoconObject();
        foreach (var (name, section) in sections)
            Set(hocon, name, section);
        return hocon;
    }

    // A key set twice (FailureThreshold, and failure-threshold from another provider) takes the later value, never both run together.
    private static void Set(HoconObject section, string key, IHoconElement element) => section.Items[key] = ValueOf(element);

    private static HoconValue ValueOf(IHoconElement element)
    {
        var value = new HoconValue();
        value.AppendValue(element);
        return value;
    }
}
