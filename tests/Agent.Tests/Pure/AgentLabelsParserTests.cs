using Cockpit.Agent.Configuration;
using Cockpit.Protocol;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cockpit.Agent.Tests.Pure;

public class AgentLabelsParserTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("gpu=true,region=eu", "gpu=true;region=eu")]
    [InlineData(" gpu = true , region= eu ,", "gpu=true;region=eu")]
    [InlineData("tier=", "tier=")]
    [InlineData("url=a=b", "url=a=b")]
    [InlineData("node=k3s-worker-1,,zone=a", "node=k3s-worker-1;zone=a")]
    public void Well_formed_text_gives_the_pairs(string? text, string expected) =>
        string.Join(';', AgentLabelsParser.Parse(text).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))
            .ShouldBe(expected);

    [Theory]
    [InlineData("gpu", "'gpu'", "key=value")]
    [InlineData("gpu=true,eu", "'eu'", "key=value")]
    [InlineData("=true", "'=true'", "empty")]
    [InlineData("gpu=true,gpu=false", "'gpu=false'", "repeats")]
    [InlineData("a\u0001b=1", "control", "control")]
    public void A_bad_entry_is_one_error_naming_AGENT_LABELS_and_the_entry(string text, string named, string reason)
    {
        var error = Should.Throw<AgentConfigurationException>(() => AgentLabelsParser.Parse(text));

        error.Message.ShouldStartWith("AGENT_LABELS");
        error.Message.ShouldContain(named);
        error.Message.ShouldContain(reason);
    }

    [Fact]
    public void Keys_and_values_of_63_characters_pass_and_64_do_not()
    {
        var longest = new string('k', AgentLabelRules.MaxKeyLength);
        AgentLabelsParser.Parse($"{longest}={new string('v', AgentLabelRules.MaxValueLength)}").Count.ShouldBe(1);

        Should.Throw<AgentConfigurationException>(() => AgentLabelsParser.Parse($"{longest}k=1")).Message.ShouldContain("longer than 63");
        Should.Throw<AgentConfigurationException>(() => AgentLabelsParser.Parse($"k={new string('v', 64)}")).Message.ShouldContain("longer than 63");
    }

    [Fact]
    public void At_most_32_pairs()
    {
        string Pairs(int n) => string.Join(',', Enumerable.Range(0, n).Select(i => $"k{i}=v"));

        AgentLabelsParser.Parse(Pairs(AgentLabelRules.MaxPairs)).Count.ShouldBe(32);
        Should.Throw<AgentConfigurationException>(() => AgentLabelsParser.Parse(Pairs(33))).Message.ShouldBe(
            "AGENT_LABELS has 33 labels; at most 32 are allowed.");
    }

    [Fact]
    public void The_environment_variable_reaches_the_options_and_a_bad_one_stops_them()
    {
        AgentOptions.FromEnvironment(n => n == "AGENT_LABELS" ? "gpu=true" : null).Labels.ShouldBe(new Dictionary<string, string> { ["gpu"] = "true" });
        AgentOptions.FromEnvironment(_ => null).Labels.ShouldBeEmpty();
        Should.Throw<AgentConfigurationException>(() => AgentOptions.FromEnvironment(n => n == "AGENT_LABELS" ? "gpu" : null));
    }

    /// <summary>Any set of acceptable labels, written out as the k3s Deployment would, reads back as the same set.</summary>
    [Property(MaxTest = 500)]
    public Property Written_labels_read_back_unchanged() =>
        Prop.ForAll(LabelSets().ToArbitrary(), labels =>
            AgentLabelsParser.Parse(string.Join(',', labels.Select(p => $"{p.Key}={p.Value}"))).OrderBy(p => p.Key, StringComparer.Ordinal)
                .SequenceEqual(labels.OrderBy(p => p.Key, StringComparer.Ordinal)));

    private static Gen<Dictionary<string, string>> LabelSets()
    {
        const string keyChars = "abcdefghijklmnopqrstuvwxyz0123456789-_./";
        const string valueChars = keyChars + "=:ÄéЖ";
        Gen<string> Text(string alphabet, int min, int max) =>
            Gen.Choose(min, max).SelectMany(length => Gen.Elements(alphabet.ToCharArray()).ArrayOf(length)).Select(chars => new string(chars));
        var pair = Text(keyChars, 1, AgentLabelRules.MaxKeyLength).Zip(Text(valueChars, 0, AgentLabelRules.MaxValueLength));
        return Gen.Choose(0, AgentLabelRules.MaxPairs).SelectMany(n => pair.ArrayOf(n))
            .Select(pairs => pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal));
    }
}
