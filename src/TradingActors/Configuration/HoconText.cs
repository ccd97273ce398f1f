using System.Text.RegularExpressions;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace TradingActors.Configuration;

/// <summary>
/// A HOCON text a user wrote, parsed by Akka and then held to what Akka lets through. Akka's parser accepts some
/// broken text without a word: a quote left open swallows the rest of the file into one string, a stray closing
/// brace silently drops everything after it, and bytes that are not text become keys. Each is refused here, with
/// the line or the path it starts at. A brace left open is closed by the end of the file; what follows it then
/// nests one level deeper, where the settings readers refuse it as an unknown key.
/// </summary>
internal static partial class HoconText
{
    /// <param name="source">Where the text comes from (a file's path), for the messages.</param>
    public static Config Parse(string source, string text)
    {
        if (text.Any(c => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c == '\uFFFD'))
            throw new SettingsException(source, null, "is not a text file: it holds control characters or bytes that are not UTF-8");
        var config = ParsedByAkka(source, text);
        var read = Walk("", config.Root).ToList();
        if (!text.Contains("\"\"\"") && read.FirstOrDefault(entry => entry.Path.Contains('\n') || (IsText(entry.Value) && entry.Value.GetString().Contains('\n'))) is { Path: not null } runaway)
            throw runaway.Path.Contains('\n')
                ? new SettingsException(source, runaway.Path, "a key runs over more than one line: is an '=' missing?")
                : new SettingsException(runaway.Path, runaway.Value.GetString(), "a quoted string runs past the end of its line: close its quote");
        RefuseLinesNotRead(source, text, read.Select(entry => entry.Key).ToHashSet());
        return config;
    }

    private static Config ParsedByAkka(string source, string text)
    {
        try
        {
            return ConfigurationFactory.ParseString(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Akka's HOCON parser (the one the engine reads its configuration with) refuses a comma after an object
            // written without '=', which the HOCON specification allows; the message says how to write it instead.
            throw new SettingsException(source, null,
                $"is not HOCON that Akka can read: {e.Message.TrimEnd()}\n" +
                "(Akka's parser needs '=' before an object that a comma follows: write 'symbols = { ... }, weight-limit ...'.)");
        }
    }

    /// <summary>
    /// Every line that starts with a key (<c>key =</c>, <c>key {</c>, <c>a.b.c :</c>) must have each of its key's names in
    /// what Akka read: one that is not was dropped or swallowed by something broken above it.
    /// </summary>
    private static void RefuseLinesNotRead(string source, string text, IReadOnlySet<string> keys)
    {
        var lines = TripleQuoted().Replace(text, block => new string('\n', block.Value.Count(c => c == '\n'))).Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            if (LineKey().Match(lines[number - 1]) is not { Success: true } match)
                continue;
            var names = match.Groups["quoted"].Success ? [match.Groups["quoted"].Value] : match.Groups["key"].Value.Split('.');
            if (names.FirstOrDefault(name => !keys.Contains(name)) is { } lost)
                throw new SettingsException(source, null,
                    $"line {number} ({lost}) is not in what Akka read from it: a quote or a brace above it is not closed, or closed once too often");
        }
    }

    private static IEnumerable<(string Path, string Key, HoconValue Value)> Walk(string path, HoconValue value)
    {
        // An unresolved optional substitution (${?VARIABLE} with no such variable) is no value to look into.
        if (value.Values.Any(part => part is HoconSubstitution))
            yield break;
        if (value.IsObject())
            foreach (var (key, child) in value.GetObject().Items)
            {
                var childPath = path.Length == 0 ? key : $"{path}.{key}";
                yield return (childPath, key, child);
                foreach (var entry in Walk(childPath, child))
                    yield return entry;
            }
        else if (value.IsArray())
            foreach (var (element, index) in value.GetArray().Select((element, index) => (element, index)))
                foreach (var entry in Walk($"{path}[{index}]", element))
                    yield return entry;
    }

    private static bool IsText(HoconValue value) => !value.IsObject() && !value.IsArray() && value.GetString() is not null;

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"")]
    private static partial Regex TripleQuoted();

    [GeneratedRegex("""^\s*[{,]?\s*(?:"(?<quoted>[^"\n]*)"|(?<key>[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*))\s*(?:=|:|\+=|\{)""")]
    private static partial Regex LineKey();
}
