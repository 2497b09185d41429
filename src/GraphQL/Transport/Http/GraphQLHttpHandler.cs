using System.Buffers;
using Cockpit.GraphQL.Transport.Execution;
using Cockpit.GraphQL.Transport.Validation;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cockpit.GraphQL.Transport.Http;

/// <summary>
/// GraphQL over HTTP (GET and POST) as the GraphQL-over-HTTP spec describes it. Status codes: 200 for every
/// well-formed request answered as <c>application/json</c>; with <c>application/graphql-response+json</c>, 400 when the
/// document cannot run (parse, validation, limits, variables) and 200 once it ran. Either way 400 for a request that is
/// not a GraphQL request, 405 (<c>Allow: POST</c>) for a mutation over GET, 406, 413 and 415 as their names say. Every
/// body is a GraphQL response whose errors carry <c>extensions.code</c>.
/// </summary>
public sealed class GraphQLHttpHandler(
    IGraphQLSerializer serializer,
    IGraphQLTextSerializer textSerializer,
    GraphQLRequestExecutor executor,
    IOptions<GraphQLTransportOptions> options)
{
    private readonly int _maxRequestBytes = options.Value.MaxRequestBytes;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var mediaType = GraphQLMediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, GraphQLMediaTypes.Json, TransportErrorCodes.NotAcceptable,
                $"The response can be {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}; the Accept header allows neither.");
            return;
        }

        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType, TransportErrorCodes.MethodNotAllowed,
                $"{request.Method} is not supported here: send GraphQL requests with GET or POST.");
            return;
        }

        var (graphQLRequest, failure) = isGet ? ReadFromQueryString(request) : await ReadFromBodyAsync(request, context.RequestAborted);
        if (failure is not null)
        {
            await WriteErrorAsync(context, failure.Value.Status, mediaType, failure.Value.Code, failure.Value.Message);
            return;
        }

        if (string.IsNullOrWhiteSpace(graphQLRequest!.Query))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, TransportErrorCodes.QueryMissing,
                "The request has no 'query': send the GraphQL document as 'query' (persisted documents are not supported).");
            return;
        }

        var result = await executor.ExecuteAsync(
            graphQLRequest,
            context.RequestServices,
            context.User,
            isGet ? HttpOperationTypeValidationRule.ForGet : HttpOperationTypeValidationRule.ForPost,
            context.RequestAborted);

        var status = StatusCodes.Status200OK;
        if (result.Errors?.Any(error => error is MutationNotAllowedOverGetError) == true)
        {
            context.Response.Headers.Allow = "POST";
            status = StatusCodes.Status405MethodNotAllowed;
        }
        else if (!result.Executed && mediaType == GraphQLMediaTypes.GraphQLResponseJson)
        {
            status = StatusCodes.Status400BadRequest;
        }

        await WriteAsync(context, status, mediaType, result);
    }

    private (GraphQLRequest? Request, RequestFailure? Failure) ReadFromQueryString(HttpRequest request)
    {
        var query = request.Query;
        var graphQLRequest = new GraphQLRequest
        {
            Query = query["query"].ToString(),
            OperationName = NullIfEmpty(query["operationName"].ToString()),
        };

        try
        {
            graphQLRequest.Variables = ReadJsonParameter<Inputs>(query["variables"].ToString());
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            return (null, RequestFailure.Invalid($"The 'variables' parameter is not a JSON object: {ex.Message}"));
        }

        try
        {
            graphQLRequest.Extensions = ReadJsonParameter<Inputs>(query["extensions"].ToString());
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            return (null, RequestFailure.Invalid($"The 'extensions' parameter is not a JSON object: {ex.Message}"));
        }

        return (graphQLRequest, null);
    }

    private async Task<(GraphQLRequest? Request, RequestFailure? Failure)> ReadFromBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!GraphQLMediaTypes.IsJsonContent(request.ContentType))
        {
            return (null, new RequestFailure(StatusCodes.Status415UnsupportedMediaType, TransportErrorCodes.UnsupportedMediaType,
                $"POST a JSON body with Content-Type: {GraphQLMediaTypes.Json} (got '{request.ContentType}')."));
        }

        using var body = await ReadBodyAsync(request, _maxRequestBytes, cancellationToken);
        if (body is null)
        {
            return (null, new RequestFailure(StatusCodes.Status413PayloadTooLarge, TransportErrorCodes.RequestTooLarge,
                $"The body exceeds {_maxRequestBytes} bytes (GRAPHQL_MAX_REQUEST_BYTES)."));
        }

        try
        {
            var graphQLRequest = await serializer.ReadAsync<GraphQLRequest>(body, cancellationToken);
            return graphQLRequest is null
                ? (null, RequestFailure.Invalid("The body is JSON null; send an object {\"query\": ...}."))
                : (graphQLRequest, null);
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            return (null, RequestFailure.Invalid(
                $"The body is not a GraphQL request (a JSON object with 'query' and optional 'operationName', 'variables', 'extensions'; batches are not supported): {ex.Message}"));
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (checked while reading: chunked bodies have no length).</summary>
    private static async Task<MemoryStream?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await buffer.DisposeAsync();
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        return buffer;
    }

    private T? ReadJsonParameter<T>(string raw) => string.IsNullOrWhiteSpace(raw) ? default : textSerializer.Deserialize<T>(raw);

    private async Task WriteErrorAsync(HttpContext context, int status, string mediaType, string code, string message)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        await WriteAsync(context, status, mediaType, result);
    }

    private async Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        // The answer depends on Accept; a shared cache must not hand a JSON answer to a graphql-response+json client.
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    /// <summary>Exceptions that mean "the client sent something unreadable", as opposed to bugs.</summary>
    private static bool IsInputError(Exception ex) =>
        ex is System.Text.Json.JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException or OverflowException;

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;

    private readonly record struct RequestFailure(int Status, string Code, string Message)
    {
        public static RequestFailure Invalid(string message) => new(StatusCodes.Status400BadRequest, TransportErrorCodes.InvalidRequest, message);
    }
}
