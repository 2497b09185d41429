namespace Cockpit.Storage.Workspace;

/// <summary>
/// A path from outside that does not name something strictly inside a job's workspace. <see cref="Reason"/> is safe to
/// show to the caller; API layers answer it as a 400 naming their path parameter.
/// </summary>
public sealed class InvalidWorkspacePathException : ArgumentException
{
    public InvalidWorkspacePathException(string reason)
        : base(reason, "path") => Reason = reason;

    public InvalidWorkspacePathException()
        : this("is not a valid workspace path")
    {
    }

    public InvalidWorkspacePathException(string reason, Exception innerException)
        : base(reason, "path", innerException) => Reason = reason;

    /// <summary>What is wrong, phrased to follow the parameter name ("path must not …").</summary>
    public string Reason { get; }
}
