namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Splits an affiliation into segments at commas, semicolons, brackets, slashes and spaced dashes, and numbers the
/// clauses between semicolons (one clause is usually one institution with its own address and country). A segment
/// whose language orders names differently is followed by its reordered readings (<see cref="WordOrder"/>).
/// </summary>
public static class Segmenter
{
    public static List<Segment> Split(string raw, Tokenizer tokenizer)
    {
        // Spaced dashes separate organisations ("Chinese Academy of Sciences - Shenyang Institute ..."); hyphens inside
        // words ("Sun Yat-sen") do not.
        var cleaned = TextNormalizer.Clean(raw.Replace(" - ", " , ").Replace(" \u2013 ", " , ").Replace(" \u2014 ", " , "));
        var segments = new List<Segment>();
        var clause = 0;
        var start = 0;
        for (var i = 0; i <= cleaned.Length; i++)
        {
            var end = i == cleaned.Length;
            var c = end ? ';' : cleaned[i];
            var boundary = c is ',' or ';' or '(' or ')' or '[' or ']' or '/' or '|' or '\n' or '\uFF0C' or '\u3001' or '\uFF08' or '\uFF09' or '\u060C' or '\u061B';
            if (!boundary) continue;
            Add(segments, cleaned[start..i], clause, tokenizer);
            if (c is ';' or '\u061B') clause++; // Arabic-script semicolon too
            start = i + 1;
        }
        return segments;
    }

    private static void Add(List<Segment> segments, string text, int clause, Tokenizer tokenizer)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return;
        var tokens = tokenizer.Tokenize(trimmed);
        var cjk = TextNormalizer.CjkOnly(trimmed);
        if (tokens.Count == 0 && cjk.Length == 0) return;
        // A lone organisation word ("Fourth Military Medical, University") is a fragment of the previous segment.
        if (cjk.Length == 0 && tokens.Count == 1 && Lexicon.OrgTypeWords.Contains(tokens[0].Text) && segments.Count > 0 &&
            segments[^1].Clause == clause && segments[^1].Tokens.Count > 0 && !segments[^1].Reordered)
        {
            var prev = segments[^1];
            segments[^1] = prev with { Raw = prev.Raw + ", " + trimmed, Tokens = [.. prev.Tokens, tokens[0]] };
            return;
        }
        segments.Add(new Segment(segments.Count, clause, trimmed, tokens, cjk));
        // The same words in the order another language writes the name in (eponym first; Persian name first).
        foreach (var reordered in WordOrder.Alternatives(tokens))
            segments.Add(new Segment(segments.Count, clause, trimmed, reordered, "") { Reordered = true });
    }
}
