using Cockpit.Storage.Tables;

namespace Cockpit.Storage.Tests.Tables;

public sealed class SqlIdentifierTests
{
    [Theory]
    [InlineData("jobs", "\"jobs\"")]
    [InlineData("Job Timeline", "\"Job Timeline\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("jobs\"; DROP TABLE jobs; --", "\"jobs\"\"; DROP TABLE jobs; --\"")]
    public void Quotes_like_quote_ident(string name, string quoted)
    {
        SqlIdentifier.Quote(name).ShouldBe(quoted);
    }

    [Fact]
    public void Refuses_empty_and_nul()
    {
        Should.Throw<ArgumentException>(() => SqlIdentifier.Quote(""));
        Should.Throw<ArgumentException>(() => SqlIdentifier.Quote("a\0b"));
    }
}
