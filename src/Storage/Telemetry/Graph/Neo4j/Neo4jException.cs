namespace Cockpit.Storage.Telemetry.Graph.Neo4j;

/// <summary>Neo4j refused a request or could not be used.</summary>
public sealed class Neo4jException : Exception
{
    public Neo4jException()
    {
    }

    public Neo4jException(string message) : base(message)
    {
    }

    public Neo4jException(string message, Exception inner) : base(message, inner)
    {
    }
}
