using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Tests.Support;

/// <summary>A document directory with known requirements, and the list the agent must produce from it.</summary>
public static class SampleJob
{
    public const string Prompt = "Extract the requirements. Every requirement must have a source.";

    /// <summary>Ordered as the agent reads them: document_dir files by name (notes.txt, spec.md), then the prompt.</summary>
    public static readonly IReadOnlyList<ExtractedRequirement> Expected =
    [
        new("REQ-001", "Audit logs must be kept for a year.", "high", "notes.txt"),
        new("REQ-002", "Operators should get an alert on repeated failures.", "medium", "notes.txt"),
        new("REQ-003", "The service shall authenticate users with a password.", "high", "spec.md"),
        new("REQ-004", "Sessions must expire after 30 minutes", "high", "spec.md"),
        new("REQ-005", "The login page should load within two seconds", "medium", "spec.md"),
        new("REQ-006", "Every requirement must have a source.", "high", "prompt"),
    ];

    /// <summary>Writes the documents (plus a .json file the agent must ignore) and returns the directory.</summary>
    public static string WriteDocuments(TempDirectory temp)
    {
        temp.WriteFile("docs/spec.md", """
            # Login service

            The service shall authenticate users with a password. A shallow check of the user name is not enough.

            - Sessions must expire after 30 minutes
            - The login page should load within two seconds
            """);
        temp.WriteFile("docs/notes.txt", "Audit logs must be kept for a year. Mustard is no requirement.\nOperators should get an alert on repeated failures.\n");
        temp.WriteFile("docs/data.json", """{"text": "This must be ignored."}""");
        return temp.Combine("docs");
    }

    public static object StartBody(Guid jobId, string documentDir) =>
        new { job_id = jobId, prompt = Prompt, document_dir = documentDir, config_name = "test-config" };
}
