using System.ComponentModel.DataAnnotations;
using Cockpit.Protocol.Paths;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Commands.Jobs;

/// <summary>
/// DOCUMENT_ROOTS, bound from the environment and checked at start (a bad value stops the silo with one line). The
/// parsed form the validator uses is <see cref="DocumentRoots"/>.
/// </summary>
public sealed class DocumentRootsOptions : IValidatableObject
{
    /// <summary>
    /// DOCUMENT_ROOTS: directories separated by ':' that a job's <c>document_path</c> and <c>document_dir</c> must
    /// resolve into (symbolic links and '..' followed). Default: unset, meaning WORKSPACE_ROOT, which holds the upload
    /// directory (<c>uploads/</c>) and the jobs' claimed <c>documents/</c>, so uploaded documents always qualify and
    /// nothing else on the silo's or agent's disk does. Silos and agents should be given the same list.
    /// </summary>
    [ConfigurationKeyName(DocumentRoots.SettingName)]
    public string? Roots { get; set; }

    /// <summary>The roots to check against: <see cref="Roots"/>, or <paramref name="workspaceRoot"/> when unset.</summary>
    public DocumentRoots Resolve(string workspaceRoot) => DocumentRoots.Parse(Roots, workspaceRoot);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DocumentRoots.TryParse(Roots, ["."], out _, out var error)) yield return new ValidationResult(error, [nameof(Roots)]);
    }
}
