using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests;

/// <summary>The node's command line, the way a user meets it.</summary>
public sealed class NodeCommandSpecs
{
    [Fact]
    public async Task A_bad_flag_exits_non_zero_and_names_it()
    {
        var (exitCode, error) = await InvokeAsync("--frobnicate");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--frobnicate", error);
    }

    [Fact]
    public async Task A_join_address_that_is_not_a_nodes_exits_non_zero_and_shows_one()
    {
        var (exitCode, error) = await InvokeAsync("--join", "127.0.0.1:4053");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--join 127.0.0.1:4053: expected a node's address, such as akka.tcp://trading@127.0.0.1:4053", error);
    }

    [Fact]
    public async Task A_bad_duration_exits_non_zero_and_says_what_a_duration_looks_like()
    {
        var (exitCode, error) = await InvokeAsync("--duration", "soon");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--duration soon: expected a duration such as 250ms, 30s or 5m", error);
    }

    [Fact]
    public async Task A_bad_config_value_exits_non_zero_naming_its_hocon_path_without_a_stack_trace()
    {
        var config = TestConfigs.WriteToFile(TestConfigs.Quiet + "\ntrading.exchanges.binance.failure-threshold = 0");

        var (exitCode, error) = await InvokeAsync("--config", config);

        Assert.Equal(NodeCommand.CannotStart, exitCode);
        Assert.Contains("trading.exchanges.binance.failure-threshold = 0: must be at least 1", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_bare_number_for_the_duration_exits_non_zero_saying_it_needs_a_unit()
    {
        var (exitCode, error) = await InvokeAsync("--duration", "75");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--duration 75: a duration needs its unit, such as 75s or 75ms", error);
    }

    [Fact]
    public async Task A_directory_for_the_config_says_it_is_a_directory()
    {
        var (exitCode, error) = await InvokeAsync("--config", Path.GetTempPath());

        Assert.Equal(NodeCommand.CannotStart, exitCode);
        Assert.Contains("is a directory, not a file", error);
    }

    [Fact]
    public async Task A_binary_config_file_is_refused_without_echoing_its_bytes()
    {
        var config = TestConfigs.WriteToFile("");
        await File.WriteAllBytesAsync(config, [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a]);

        var (exitCode, error) = await InvokeAsync("--config", config);

        Assert.Equal(NodeCommand.CannotStart, exitCode);
        Assert.Equal($"Cannot start: Cannot read the configuration: {config} is not a text file (it holds bytes that are not UTF-8).", error.Trim());
    }

    [Fact]
    public async Task An_empty_config_file_says_the_file_is_empty()
    {
        var config = TestConfigs.WriteToFile("");
        await File.WriteAllTextAsync(config, "");

        var (exitCode, error) = await InvokeAsync("--config", config);

        Assert.Equal(NodeCommand.CannotStart, exitCode);
        Assert.Contains($"{config} is empty", error);
    }

    [Theory]
    [InlineData("trading.breaker-defaults = 5")]
    [InlineData("trading.exchanges.kraken = 5")]
    [InlineData("trading.feeds = 7")]
    public async Task A_scalar_where_a_section_belongs_exits_non_zero_naming_it_without_a_stack_trace(string setting)
    {
        var (exitCode, _, error) = await NodeProcess.RunAsync("--config", TestConfigs.WriteToFile(TestConfigs.Quiet + "\n" + setting));

        Assert.Equal(NodeCommand.CannotStart, exitCode);
        Assert.Contains($"Cannot start: {setting}: expected an object {{ ... }}", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_short_run_with_an_exchange_down_shows_its_breaker_open_and_fall_back_and_exits_0_with_a_summary()
    {
        var (exitCode, output, error) = await NodeProcess.RunAsync("--duration", "3s", "--config", TestConfigs.WriteToFile(TestConfigs.BinanceDown));

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}\n{error}");
        Assert.Contains("Breaker binance: Closed -> Open", output);
        Assert.Contains("Breaker binance: HalfOpen -> Open (the health check failed", output);
        Assert.Contains("summary after ", output);
        Assert.Matches(@"orders bybit +in flight \d+, open \d+, unknown \d+, reconciled \d+, needs attention 0", output);
        Assert.True(SummaryFigure(output, "bybit", "fallbacks served") > 0, output);
        Assert.Contains("alerts raised: ", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public async Task Ctrl_c_drains_the_trader_stops_the_actor_system_and_exits_0_with_a_summary()
    {
        using var node = NodeProcess.Start("--duration", "0", "--config", TestConfigs.WriteToFile(TestConfigs.Quiet));
        await node.SeenAsync("Runs until Ctrl+C");
        await Task.Delay(TimeSpan.FromSeconds(1));

        node.Interrupt();

        Assert.Equal(0, await node.ExitAsync());
        Assert.Contains("CoordinatedShutdown invoked", node.Output);
        Assert.Contains("summary after", node.Output);
    }

    /// <summary>A figure of the summary's plain table: | exchange | requests | ... |.</summary>
    private static long SummaryFigure(string output, string exchange, string column)
    {
        var rows = output.Split('\n').Where(line => line.StartsWith("| ")).Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray()).ToList();
        var header = rows.First(cells => cells.Contains("exchange"));
        return long.Parse(rows.First(cells => cells[1] == exchange)[Array.IndexOf(header, column)]);
    }

    private static async Task<(int ExitCode, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await NodeCommand.InvokeAsync(args, output, error);
        return (exitCode, error.ToString());
    }
}
