using System.Text.RegularExpressions;

namespace Cockpit.Agent.Telemetry;

/// <summary>
/// Compliance tags of a requirement from keywords in its text: GDPR, ISO (with the standard's number when
/// given), security, privacy, HIPAA, PCI DSS, SOC 2, accessibility. Keyword matching, not understanding: a
/// starting point people can filter by.
/// </summary>
public static partial class ComplianceTagger
{
    public static IReadOnlyList<string> Tags(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        if (Gdpr().IsMatch(text)) tags.Add("GDPR");
        foreach (Match iso in Iso().Matches(text))
        {
            tags.Add("ISO");
            if (iso.Groups[1].Success) tags.Add($"ISO {iso.Groups[1].Value}");
        }
        if (Security().IsMatch(text)) tags.Add("security");
        if (Privacy().IsMatch(text)) tags.Add("privacy");
        if (Hipaa().IsMatch(text)) tags.Add("HIPAA");
        if (Pci().IsMatch(text)) tags.Add("PCI DSS");
        if (Soc2().IsMatch(text)) tags.Add("SOC 2");
        if (Accessibility().IsMatch(text)) tags.Add("accessibility");
        return [.. tags];
    }

    [GeneratedRegex(@"\bGDPR\b|general data protection regulation|\bdata subjects?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Gdpr();

    [GeneratedRegex(@"\bISO(?:/IEC)?(?:[\s-]*(\d{4,5}))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"\bsecur(e|ed|ely|ity)\b|\bencrypt\w*|\bauthenticat\w*|\bauthori[sz]\w*|\bpasswords?\b|\baccess control\b|\bvulnerab\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Security();

    [GeneratedRegex(@"\bprivacy\b|\bpersonal (data|information)\b|\bPII\b|\bconsent\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Privacy();

    [GeneratedRegex(@"\bHIPAA\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hipaa();

    [GeneratedRegex(@"\bPCI(?:[\s-]?DSS)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Pci();

    [GeneratedRegex(@"\bSOC\s?2\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Soc2();

    [GeneratedRegex(@"\bWCAG\b|\baccessib(le|ility)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Accessibility();
}
