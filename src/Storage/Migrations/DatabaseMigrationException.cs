namespace Cockpit.Storage.Migrations;

/// <summary>The schema could not be brought up to date; the message names the database and, when known, the script.</summary>
public sealed class DatabaseMigrationException : Exception
{
    public DatabaseMigrationException(string message, string? scriptName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ScriptName = scriptName;
    }

    public DatabaseMigrationException()
    {
    }

    public DatabaseMigrationException(string message)
        : base(message)
    {
    }

    public DatabaseMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The migration script that failed, or null when the failure happened before any script ran.</summary>
    public string? ScriptName { get; }
}
