namespace TradingActors.Configuration;

/// <summary>The known name a misspelt one was most likely meant to be (failure-treshold: failure-threshold).</summary>
internal static class Suggestions
{
    /// <summary>The known name fewest single-character edits away, if it is near enough to be a slip rather than another word.</summary>
    public static string? Nearest(string name, IEnumerable<string> known) =>
        known.Select(candidate => (Candidate: candidate, Distance: Distance(name, candidate)))
            .Where(match => match.Distance <= Math.Max(2, match.Candidate.Length / 3))
            .OrderBy(match => match.Distance)
            .Select(match => match.Candidate)
            .FirstOrDefault();

    // Levenshtein's edit distance, one row at a time; names are short, so nothing cleverer pays.
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
