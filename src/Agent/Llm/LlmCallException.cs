using System.Net;

namespace Cockpit.Agent.Llm;

/// <summary>The LLM endpoint answered with an error or with something that is not a chat completion.</summary>
public sealed class LlmCallException : Exception
{
    public LlmCallException() { }

    public LlmCallException(string message) : base(message) { }

    public LlmCallException(string message, Exception innerException) : base(message, innerException) { }

    public LlmCallException(string message, HttpStatusCode? statusCode, string? responseExcerpt, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseExcerpt = responseExcerpt;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? ResponseExcerpt { get; }
}
