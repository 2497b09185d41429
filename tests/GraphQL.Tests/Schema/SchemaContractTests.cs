using Cockpit.GraphQL.Tests.Support;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary>
/// The schema the server runs is the contract in src/GraphQL/schema.graphql (the cockpit generates its TypeScript
/// types from that file). Built from DI exactly as the silo registers it, without a cluster or a database.
/// </summary>
public sealed class SchemaContractTests
{
    private static readonly string ContractPath = Path.Combine(TestPaths.RepositoryRoot, "src", "GraphQL", "schema.graphql");

    [Fact]
    public void The_printed_schema_equals_the_checked_in_contract()
    {
        var printed = PrintServerSchema();
        var contract = SdlCanonicalForm.Of(File.ReadAllText(ContractPath));
        var served = SdlCanonicalForm.Of(printed);

        var missing = contract.Except(served, StringComparer.Ordinal).ToList();
        var extra = served.Except(contract, StringComparer.Ordinal).ToList();
        (missing.Count + extra.Count).ShouldBe(0,
            "schema.graphql and the server differ.\nIn the contract, not served:\n  " + string.Join("\n  ", missing)
            + "\nServed, not in the contract:\n  " + string.Join("\n  ", extra) + "\n\nServer SDL:\n" + printed);
    }

    [Fact]
    public void The_comparison_notices_a_changed_nullability_a_default_and_a_description()
    {
        var contract = File.ReadAllText(ContractPath);
        var baseline = SdlCanonicalForm.Of(contract);
        foreach (var (from, to) in new[]
                 {
                     ("  podPort: Int!\n", "  podPort: Int\n"),
                     ("first: Int = 100", "first: Int = 10"),
                     ("\"Which silo hosts the agent's grain right now.\"", "\"Which silo hosts it.\""),
                     ("enum JobStatus { created pending", "enum JobStatus { created queued"),
                 })
        {
            contract.ShouldContain(from);
            SdlCanonicalForm.Of(contract.Replace(from, to, StringComparison.Ordinal)).ShouldNotBe(baseline, $"'{from}' → '{to}' went unnoticed");
        }

        // Order, whitespace, comments and description quotes are not part of the contract.
        var reformatted = "# a comment\n" + contract.Replace("\"Which silo hosts the agent's grain right now.\"",
            "\"\"\"\n  Which silo hosts   the agent's grain right now.\n\"\"\"", StringComparison.Ordinal);
        SdlCanonicalForm.Of(reformatted).ShouldBe(baseline);
    }

    private static string PrintServerSchema()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCockpitGraphQL(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
    }
}
