using TradingActors.Configuration;
using TradingActors.Node.Configuration;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests.Configuration;

public sealed class NodeConfigurationSpecs
{
    [Fact]
    public void The_admin_token_from_the_environment_wins_over_the_files()
    {
        var configuration = NodeConfiguration.FromText("test", TestConfigs.Quiet, withSimulator: true,
            environment: name => name == NodeSettings.AdminTokenVariable ? "from-the-environment" : null);

        Assert.Equal("from-the-environment", configuration.Node.AdminToken);
    }

    [Fact]
    public void A_bad_node_value_names_its_hocon_path()
    {
        var error = Assert.Throws<SettingsException>(() => NodeConfiguration.FromText("test",
            TestConfigs.Quiet + "\nnode.http.port = 70000", withSimulator: true, environment: _ => null));

        Assert.Equal("node.http.port", error.Path);
    }

    [Fact]
    public void With_no_sim_a_configuration_without_endpoints_is_refused()
    {
        var error = Assert.Throws<NodeStartException>(() =>
            NodeConfiguration.FromText("test", TestConfigs.Quiet, withSimulator: false, environment: _ => null));

        Assert.Contains("--no-sim", error.Message);
    }
}
