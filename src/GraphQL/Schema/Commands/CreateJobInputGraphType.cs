using System.Text.Json;
using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Scalars;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Commands;

/// <summary><c>CreateJobInput</c>: parsed into a <see cref="NewJob"/>, validated by the command side (as REST does).</summary>
public sealed class CreateJobInputGraphType : InputObjectGraphType<NewJob>
{
    public CreateJobInputGraphType()
    {
        Name = "CreateJobInput";
        Field<NonNullGraphType<StringGraphType>>("prompt");
        Field<StringGraphType>("documentPath");
        Field<StringGraphType>("documentDir");
        Field<IdGraphType>("documentSetId")
            .Description("An uploaded document set (POST /api/documents); its files move into the job's documents folder.");
        Field<StringGraphType>("configName");
        Field<JsonGraphType>("context");
        Field<StringGraphType>("instructions");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new NewJob(
        Text(value, "prompt"),
        Text(value, "documentPath"),
        Text(value, "documentDir"),
        Text(value, "configName"),
        value.TryGetValue("context", out var context) && context is JsonElement json ? json : null,
        Text(value, "instructions"),
        Text(value, "documentSetId"));

    private static string? Text(IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var raw) ? raw?.ToString() : null;
}
