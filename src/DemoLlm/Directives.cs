namespace Cockpit.DemoLlm;

/// <summary>The directive words of <see cref="Directive"/> and how a prompt is read for them.</summary>
public static class Directives
{
    public const string Fail = "cockpit-demo:fail";
    public const string FailOnce = "cockpit-demo:fail-once";
    public const string Repeat = "cockpit-demo:repeat";

    public static Directive Of(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        // fail-once first: "cockpit-demo:fail" is a prefix of it.
        if (prompt.Contains(FailOnce, StringComparison.OrdinalIgnoreCase)) return Directive.FailOnce;
        if (prompt.Contains(Fail, StringComparison.OrdinalIgnoreCase)) return Directive.Fail;
        if (prompt.Contains(Repeat, StringComparison.OrdinalIgnoreCase)) return Directive.Repeat;
        return Directive.None;
    }
}
