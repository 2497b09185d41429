using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Cockpit.GraphQL.Tests.Http;

/// <summary>Sends GraphQL-over-HTTP requests and reads the answers, nothing more: the assertions stay in the tests.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public sealed record Answer(HttpResponseMessage Response, JsonElement Body, string ContentType)
    {
        public int Status => (int)Response.StatusCode;

        public string FirstErrorCode => Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

        public IEnumerable<string> ErrorCodes =>
            Body.TryGetProperty("errors", out var errors)
                ? errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()!)
                : [];

        public bool HasData => Body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null;
    }

    public static Task<Answer> PostAsync(HttpClient http, object request, string? accept = null) =>
        PostRawAsync(http, JsonSerializer.Serialize(request), "application/json", accept);

    public static async Task<Answer> PostRawAsync(HttpClient http, string body, string? contentType, string? accept = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body, Encoding.UTF8) };
        message.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await SendAsync(http, message);
    }

    public static async Task<Answer> GetAsync(HttpClient http, string queryString, string? accept = null, HttpMethod? method = null)
    {
        using var message = new HttpRequestMessage(method ?? HttpMethod.Get, "graphql" + queryString);
        if (accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await SendAsync(http, message);
    }

    private static async Task<Answer> SendAsync(HttpClient http, HttpRequestMessage message)
    {
        var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "";
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return new Answer(response, document.RootElement.Clone(), contentType);
    }
}
