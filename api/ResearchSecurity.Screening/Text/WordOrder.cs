namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Other word orders a segment is also read in, where a language orders a name differently from the English the lists
/// use. Russian "Институт катализа им. Г.К. Борескова" (Institute of Catalysis named after G.K. Boreskov) is listed as
/// "Boreskov Institute of Catalysis": the eponym after "named after" (its initials and an "academician" dropped) is also
/// read first. Persian puts the name after its generic words (دانشگاه صنعتی شریف, "university technology Sharif"):
/// the name is also read first ("Sharif University of Technology"), and the whole order reversed unit by unit
/// ("university comprehensive | Imam Hossein" = "Imam Hossein Comprehensive University").
/// </summary>
public static class WordOrder
{
    private static readonly string[] Eponym = ["named", "after"];
    private static readonly HashSet<string> Titles = ["academician", "academicians", "professor"];

    public static IEnumerable<List<Token>> Alternatives(IReadOnlyList<Token> tokens)
    {
        foreach (var eponym in EponymFirst(tokens)) yield return eponym;
        if (tokens.Any(t => t.Script == "fa"))
        {
            var units = Units(tokens);
            if (units.Count < 2) yield break;
            if (units[^1][0].Origin != TokenOrigin.Translated)
                yield return [.. units[^1], .. units.Take(units.Count - 1).SelectMany(u => u)];
            yield return units.AsEnumerable().Reverse().SelectMany(u => u).ToList();
        }
    }

    // The eponym first in the segment ("Lomonosov Moscow State University") and right before the organisation type it
    // names ("Federal Research Center Boreskov Institute of Catalysis").
    private static IEnumerable<List<Token>> EponymFirst(IReadOnlyList<Token> tokens)
    {
        for (var i = 1; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Text != Eponym[0] || tokens[i + 1].Text != Eponym[1]) continue;
            var j = i + 2;
            while (j < tokens.Count && (tokens[j].Text.Length == 1 || Titles.Contains(tokens[j].Text))) j++;
            if (j >= tokens.Count) yield break;
            var name = tokens[j] with { AfterOf = false };
            var before = tokens.Take(i).ToList();
            var rest = tokens.Skip(j + 1).ToList();
            yield return [name, .. before, .. rest];
            var type = before.FindLastIndex(t => Lexicon.OrgTypeWords.Contains(t.Text));
            if (type > 0) yield return [.. before.Take(type), name, .. before.Skip(type), .. rest];
            yield break;
        }
    }

    // A translated generic word is a unit of its own; a run of other words (a name) one unit.
    private static List<List<Token>> Units(IReadOnlyList<Token> tokens)
    {
        var units = new List<List<Token>>();
        foreach (var t in tokens)
        {
            var generic = t.Origin == TokenOrigin.Translated;
            if (generic && units.Count > 0 && units[^1][0].Origin == TokenOrigin.Translated && units[^1][0].Written == t.Written)
                units[^1].Add(t); // the English words of one translated phrase stay together ("medical sciences")
            else if (!generic && units.Count > 0 && units[^1][0].Origin != TokenOrigin.Translated) units[^1].Add(t);
            else units.Add([t]);
        }
        return units;
    }
}
