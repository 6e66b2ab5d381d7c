using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Symmetric similarity of two organisation names for <c>Compare</c>: the share of word weight (IDF from the loaded
/// lists) the two names have in common, both sides counted, with legal forms folded and left out ("Siemens AG" =
/// "Siemens Aktiengesellschaft" = "SiemensAG"), typos of long words and abbreviations counted at a discount, glued
/// words matched to their parts, numbers required to agree, and an acronym equal to the other name's initials.
/// </summary>
internal sealed class NameComparer(TokenStats stats, Tokenizer tokenizer, ScreeningOptions options)
{
    public double Similarity(string a, string b)
    {
        var ta = Words(a);
        var tb = Words(b);
        if (Acronym(a, tb) || Acronym(b, ta)) return options.CompareAcronymScore;
        var ca = ta.Where(t => !TokenStats.LegalForms.Contains(t)).ToList();
        var cb = tb.Where(t => !TokenStats.LegalForms.Contains(t)).ToList();
        if (ca.Count == 0 || cb.Count == 0) return 0;
        var (matchedA, totalA, numbersA, missingA, typeA) = Cover(ca, cb);
        var (matchedB, totalB, numbersB, missingB, typeB) = Cover(cb, ca);
        // Both names must be covered: "Northwestern University" lies inside "Northwestern Polytechnical University" but
        // leaves its rare word unexplained.
        var score = Math.Min(matchedA / Math.Max(totalA, 1e-9), matchedB / Math.Max(totalB, 1e-9));
        if (!numbersA || !numbersB) score *= options.CompareNumberConflictFactor; // "54th Research Institute" vs "14th ..."
        // Every distinctive or organisation-type word one name has and the other does not explain ("Polytechnical")
        // makes another body likelier.
        score *= Math.Pow(options.CompareUnmatchedWordFactor, missingA + missingB);
        // A type word left over ("Polytechnical", "of Technology", "Normal") is what tells two look-alikes apart.
        score *= Math.Pow(options.CompareUnmatchedTypeWordFactor, typeA + typeB);
        return score;
    }

    /// <summary>"Second" vs "Third Navigation Engineering Bureau": ordinal words are numbers.</summary>
    private static readonly HashSet<string> Ordinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    private List<string> Words(string s) =>
        Segmenter.Split(s, tokenizer).SelectMany(seg => seg.Tokens).Select(t => t.Text).ToList();

    // How much of `mine` the other name covers; false when a number of mine is absent there.
    private (double Matched, double Total, bool NumbersAgree, int Missing, int MissingType) Cover(List<string> mine, List<string> other)
    {
        double matched = 0, total = 0;
        int missing = 0, missingType = 0;
        var numbersAgree = true;
        var set = other.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < mine.Count; i++)
        {
            var t = mine[i];
            var w = stats.Weight(t);
            total += w;
            if (set.Contains(t)) { matched += w; continue; }
            if (char.IsDigit(t[0]) || Ordinals.Contains(t)) { numbersAgree = false; missing++; continue; }
            // "Jiaotong" vs "Jiao Tong": a glued word against two adjacent words of the other name.
            if (other.Zip(other.Skip(1), (x, y) => x + y).Contains(t) ||
                (i + 1 < mine.Count && set.Contains(t + mine[i + 1]))) { matched += w; continue; }
            if (other.Any(o => TokenStats.IsTypo(t, o) || TokenStats.IsContraction(t, o) || TokenStats.IsContraction(o, t)))
                matched += w * (1 - options.TypoPenalty);
            // "(CASIC)" after "China Aerospace Science and Industry Corporation": the acronym of the other name.
            else if (t.Length is >= 2 and <= 8 && !Lexicon.GenericWords.Contains(t) && Spells(t, 0, other, 0)) matched += w;
            // A country left over ("China Electronics" / "China Electronics Corporation of China") is no other body; any
            // other word is: "Nanjing Normal University" is not Nanjing University.
            else if (Lexicon.OrgTypeWords.Contains(t) || Lexicon.GenericWords.Contains(t)) missingType++;
            else if (!CountryDetector.IsCountryWord(t)) missing++;
        }
        return (matched, total, numbersAgree, missing, missingType);
    }

    // "AECC" = Aero Engine Corporation of China, "AVIC" = AViation Industry Corporation (of China), "AHU" = AnHui University:
    // one upper-case word spelt by leading letters of the other name's words in order (a country or legal word may be left out).
    private static bool Acronym(string raw, List<string> otherWords)
    {
        var r = raw.Trim().ToLowerInvariant();
        if (r.Length is < 2 or > 8 || !raw.Trim().All(c => char.IsAsciiLetterUpper(c) || char.IsDigit(c)) || otherWords.Count < 2) return false;
        return Spells(r, 0, otherWords, 0);
    }

    private static bool Spells(string acronym, int a, List<string> words, int w)
    {
        if (a == acronym.Length) return w == words.Count || words.Skip(w).All(Optional);
        if (w == words.Count) return false;
        var word = words[w];
        for (var k = 1; k <= Math.Min(3, word.Length) && a + k <= acronym.Length; k++)
        {
            if (word[k - 1] != acronym[a + k - 1]) break;
            if (Spells(acronym, a + k, words, w + 1)) return true;
        }
        return Optional(word) && Spells(acronym, a, words, w + 1);
    }

    private static bool Optional(string word) => CountryDetector.IsCountryWord(word) || TokenStats.LegalForms.Contains(word) || Lexicon.GenericWords.Contains(word);
}
