namespace TradingActors.Tests;

/// <summary>The repository these specs were built from, for specs about its files.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TradingActors.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException($"no TradingActors.sln above {AppContext.BaseDirectory}");
    }
}
