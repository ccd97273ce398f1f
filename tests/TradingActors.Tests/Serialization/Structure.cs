using System.Collections;
using System.Globalization;
using System.Reflection;
using Akka.Actor;

namespace TradingActors.Tests.Serialization;

/// <summary>
/// Compares messages member by member, all the way down, since a record with a list or a dictionary does
/// not compare by value. A decimal must keep its scale (0.10 is not 0.1) and a time its offset.
/// </summary>
internal static class Structure
{
    /// <summary>The paths of the members where <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    public static IEnumerable<string> Differences(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
                yield return $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}";
            yield break;
        }
        if (expected.GetType() != actual.GetType() && !IsCollection(expected.GetType()))
        {
            yield return $"{path}: expected a {expected.GetType()}, got a {actual.GetType()}";
            yield break;
        }
        switch (expected)
        {
            case decimal:
                if (Text(expected) != Text(actual))
                    yield return $"{path}: expected {Text(expected)}, got {Text(actual)}";
                break;
            case DateTimeOffset time when !time.EqualsExact((DateTimeOffset)actual):
                yield return $"{path}: expected {time:O}, got {actual:O}";
                break;
            case DateTimeOffset:
                break;
            case var _ when IsLeaf(expected.GetType()):
                if (!expected.Equals(actual))
                    yield return $"{path}: expected {expected}, got {actual}";
                break;
            case IDictionary dictionary:
                var other = (IDictionary)actual;
                if (dictionary.Count != other.Count)
                    yield return $"{path}: expected {dictionary.Count} entries, got {other.Count}";
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = $"{path}[{entry.Key}]";
                    if (!other.Contains(entry.Key))
                        yield return $"{key}: missing";
                    else
                        foreach (var difference in Differences(entry.Value, other[entry.Key], key))
                            yield return difference;
                }
                break;
            case IEnumerable items:
                var expectedItems = items.Cast<object?>().ToList();
                var actualItems = ((IEnumerable)actual).Cast<object?>().ToList();
                if (expectedItems.Count != actualItems.Count)
                    yield return $"{path}: expected {expectedItems.Count} items, got {actualItems.Count}";
                foreach (var (item, i) in expectedItems.Zip(actualItems).Select((pair, i) => (pair, i)))
                    foreach (var difference in Differences(item.Item1, item.Item2, $"{path}[{i}]"))
                        yield return difference;
                break;
            default:
                foreach (var member in Members(expected.GetType()))
                    foreach (var difference in Differences(member.GetValue(expected), member.GetValue(actual), $"{path}.{member.Name}"))
                        yield return difference;
                break;
        }
    }

    /// <summary>
    /// The paths of the members of <paramref name="value"/> left at their default (null, zero, false, the first
    /// enum value, an empty list), down through its parts: a member lost on the wire would come back as such a
    /// default, so a sample with one could hide the loss.
    /// </summary>
    public static IEnumerable<string> Defaults(object? value, string path)
    {
        switch (value)
        {
            case null:
                yield return path;
                break;
            case var _ when IsLeaf(value.GetType()):
                if (value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType())))
                    yield return path;
                break;
            case IDictionary dictionary:
                if (dictionary.Count == 0)
                    yield return $"{path} (empty)";
                foreach (DictionaryEntry entry in dictionary)
                    foreach (var unset in Defaults(entry.Value, $"{path}[{entry.Key}]"))
                        yield return unset;
                break;
            case IEnumerable items:
                var list = items.Cast<object?>().ToList();
                if (list.Count == 0)
                    yield return $"{path} (empty)";
                foreach (var (item, i) in list.Select((item, i) => (item, i)))
                    foreach (var unset in Defaults(item, $"{path}[{i}]"))
                        yield return unset;
                break;
            default:
                // What a message is made of: its settable members (positional and init), not the computed ones.
                foreach (var member in Members(value.GetType()).Where(m => m.SetMethod?.IsPublic == true))
                    foreach (var unset in Defaults(member.GetValue(value), $"{path}.{member.Name}"))
                        yield return unset;
                break;
        }
    }

    private static IEnumerable<PropertyInfo> Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri) || typeof(IActorRef).IsAssignableFrom(type);

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static string Text(object value) => ((decimal)value).ToString(CultureInfo.InvariantCulture);
}
