using Cockpit.Commands.Jobs;

namespace Cockpit.GraphQL.Schema.Commands;

/// <summary><c>CreateJobInput</c> as parsed: the submission, and what could not be turned into one.</summary>
/// <param name="SelectorProblem">Why <c>selector</c> is not an object of strings (a JSON scalar takes any value);
/// null when it is, or absent. The command side checks everything else.</param>
public sealed record CreateJobInput(NewJob Job, string? SelectorProblem);
