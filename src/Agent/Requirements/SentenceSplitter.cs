using System.Text;
using System.Text.RegularExpressions;

namespace Cockpit.Agent.Requirements;

/// <summary>
/// Splits plain text, Markdown and CSV into sentences. Deliberately simple: it only has to keep each requirement
/// statement whole and apart from its neighbours, not to parse prose perfectly.
/// </summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text) => SplitBlocks(ToBlocks(text));

    public static IReadOnlyList<string> Split(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.IsCsv ? SplitBlocks(CsvCells(document.Text)) : Split(document.Text);
    }

    private static List<string> SplitBlocks(IEnumerable<string> blocks)
    {
        var sentences = new List<string>();
        foreach (var block in blocks)
        {
            foreach (var piece in SentenceEnd().Split(block))
            {
                var sentence = Whitespace().Replace(piece, " ").Trim();
                if (sentence.Length > 0) sentences.Add(sentence);
            }
        }
        return sentences;
    }

    /// <summary>
    /// Paragraphs, with Markdown headings, list items and table rows as blocks of their own: a list item rarely
    /// ends with a full stop, so without this it would run into the next one.
    /// </summary>
    private static List<string> ToBlocks(string text)
    {
        var blocks = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) blocks.Add(current.ToString());
            current.Clear();
        }

        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith("```", StringComparison.Ordinal) || HorizontalRule().IsMatch(line))
            {
                Flush();
                continue;
            }
            if (line.StartsWith('#'))
            {
                Flush();
                blocks.Add(line.TrimStart('#').Trim());
                continue;
            }
            if (line.StartsWith('|'))
            {
                Flush();
                blocks.AddRange(line.Split('|').Select(c => c.Trim()).Where(c => c.Length > 0 && !TableSeparator().IsMatch(c)));
                continue;
            }
            var item = ListMarker().Match(line);
            if (item.Success)
            {
                Flush();
                line = line[item.Length..];
            }
            if (line.StartsWith('>')) line = line.TrimStart('>').Trim();
            if (current.Length > 0) current.Append(' ');
            current.Append(line);
        }
        Flush();
        return blocks;
    }

    /// <summary>Cells of a CSV file, honouring double-quoted cells with commas, doubled quotes and line breaks.</summary>
    public static IEnumerable<string> CsvCells(string text)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c is ',' or '\n' or '\r')
            {
                if (cell.Length > 0) yield return cell.ToString();
                cell.Clear();
            }
            else cell.Append(c);
        }
        if (cell.Length > 0) yield return cell.ToString();
    }

    // A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) and whitespace, when the next
    // word starts like a sentence; "e.g. the" and "v1.2" therefore stay in one piece.
    [GeneratedRegex(@"(?<=[.!?][""')\]]?)\s+(?=[\p{Lu}\p{N}""'(\[])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:-{3,}|\*{3,}|_{3,})$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^:?-{3,}:?$")]
    private static partial Regex TableSeparator();
}
