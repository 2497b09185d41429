using System.Text;
using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Llm;

/// <summary>Cuts documents into chunks at paragraph boundaries, so that a requirement is rarely cut in half.</summary>
public static class DocumentChunker
{
    public static IReadOnlyList<DocumentChunk> Chunk(IEnumerable<SourceDocument> documents, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, 100);
        var chunks = new List<DocumentChunk>();
        foreach (var document in documents)
        {
            var pieces = Pieces(document.Text, maxCharacters);
            for (var i = 0; i < pieces.Count; i++) chunks.Add(new DocumentChunk(document.Name, i + 1, pieces.Count, pieces[i]));
        }
        return chunks;
    }

    private static List<string> Pieces(string text, int max)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            if (current.Length > 0 && current.Length + 2 + paragraph.Length > max)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            // A paragraph longer than a chunk is cut hard; that is rare and an LLM copes with a cut sentence.
            var rest = paragraph;
            while (rest.Length > max)
            {
                pieces.Add(rest[..max]);
                rest = rest[max..];
            }
            if (current.Length > 0) current.Append("\n\n");
            current.Append(rest);
        }
        if (current.Length > 0) pieces.Add(current.ToString());
        return pieces;
    }
}
