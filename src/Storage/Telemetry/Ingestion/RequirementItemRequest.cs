namespace Cockpit.Storage.Telemetry.Ingestion;

/// <summary>One requirement update as an agent sends it.</summary>
public sealed class RequirementItemRequest
{
    public Guid? JobId { get; set; }

    public string? RequirementId { get; set; }

    public string? Text { get; set; }

    /// <summary>pending, validating, integrated or rejected.</summary>
    public string? Status { get; set; }

    /// <summary>high, medium or low; optional.</summary>
    public string? Priority { get; set; }

    public List<string?>? ComplianceTags { get; set; }

    public string? Source { get; set; }

    public string? At { get; set; }
}
