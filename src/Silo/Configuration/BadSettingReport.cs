using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Cockpit.Silo.Configuration;

/// <summary>Turns a failure at start into the one line a person needs when it is a bad setting.</summary>
public static partial class BadSettingReport
{
    /// <summary>Exit code of a process stopped by a bad setting (as the agent and the cluster proxy use).</summary>
    public const int ExitCode = 2;

    /// <summary>The line to print when <paramref name="failure"/> is a bad setting; null for any other failure.</summary>
    public static string? LineFor(Exception failure) => failure switch
    {
        SettingException e => e.Message,
        // ValidateOnStart options (AgentBridgeOptions and the like): each failure already names its key.
        OptionsValidationException e => string.Join(" ", e.Failures.Select(OwnMessage)),
        AggregateException { InnerExceptions.Count: 1 } e => LineFor(e.InnerExceptions[0]),
        _ when failure.InnerException is { } inner && failure is TypeInitializationException or System.Reflection.TargetInvocationException => LineFor(inner),
        _ => null,
    };

    // Data annotations wrap our message: "DataAnnotation validation failed for 'T' members: 'M' with the error: '…'."
    private static string OwnMessage(string failure)
    {
        var wrapped = DataAnnotationFailure().Match(failure);
        return wrapped.Success ? wrapped.Groups["message"].Value : failure.Trim();
    }

    [GeneratedRegex(@"with the error: '(?<message>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
