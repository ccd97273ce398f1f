using System.Text.RegularExpressions;

namespace TradingActors.Tests.Hosting;

/// <summary>
/// The library never blocks a thread on a task: a host's start-up (Akka.Hosting's actor starters are async)
/// and the engine's actors keep every thread they are given.
/// </summary>
public sealed partial class NoBlockingSpecs
{
    [Fact]
    public void No_source_file_of_the_library_waits_on_a_task_synchronously()
    {
        var library = Path.Combine(Repository.Root, "src");
        var blocking = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                           !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(file => File.ReadLines(file).Select((line, number) => (file, number, line)))
            .Where(found => SyncOverAsync().IsMatch(found.line))
            .Select(found => $"{Path.GetRelativePath(library, found.file)}:{found.number + 1}: {found.line.Trim()}")
            .ToList();

        Assert.True(blocking.Count == 0, string.Join("\n", blocking));
    }

    [GeneratedRegex(@"\.GetAwaiter\(\)\.GetResult\(\)|\.Wait\(\)|\.Result\.")]
    private static partial Regex SyncOverAsync();
}
