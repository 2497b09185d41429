using Cockpit.Http;
using Microsoft.AspNetCore.Http;

namespace Cockpit.Silo.Tests.Http;

/// <summary>Whole-number query parameters of the REST lists (<c>?limit=</c>, <c>?offset=</c>…): the range, and the 400's field.</summary>
public sealed class QueryNumbersTests
{
    [Theory]
    [InlineData("", 20)] // absent: the fallback
    [InlineData("?limit=1", 1)]
    [InlineData("?limit=500", 500)]
    [InlineData("?limit=%2B7", 7)] // "+7"
    [InlineData("?other=3", 20)]
    public void A_number_in_range_or_none_is_read_without_an_error(string query, int expected)
    {
        var errors = new Dictionary<string, string[]>();

        QueryNumbers.Read(Request(query), "limit", 20, 1, 500, errors).ShouldBe(expected);

        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=501")]
    [InlineData("?limit=-1")]
    [InlineData("?limit=ten")]
    [InlineData("?limit=2.5")]
    [InlineData("?limit=")]
    [InlineData("?limit=99999999999")]
    [InlineData("?limit=1&limit=2")] // which one? neither
    public void A_bad_number_is_an_error_under_its_name_and_the_fallback_is_used(string query)
    {
        var errors = new Dictionary<string, string[]>();

        QueryNumbers.Read(Request(query), "limit", 20, 1, 500, errors).ShouldBe(20);

        errors.Keys.ShouldBe(["limit"]);
        errors["limit"].ShouldHaveSingleItem().ShouldBe("must be one whole number from 1 to 500");
    }

    private static HttpRequest Request(string query) => new DefaultHttpContext { Request = { QueryString = new QueryString(query) } }.Request;
}
