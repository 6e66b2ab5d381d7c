using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Finds a name's words as a contiguous run inside a segment, word for word, allowing: one-edit typos of long words
/// (either side), two input words glued in the name ("Jiao Tong" = "Jiaotong") and the reverse ("Yatsen" = "Yat sen"),
/// and trailing legal forms ("Co., Ltd.") missing from the input.
/// </summary>
internal static class SequenceAligner
{
    /// <summary>"listed~written" records a typo or word form, "listed≈written" an abbreviation, in <see cref="PartMatch.Fuzzy"/>.</summary>
    public const char TypoMark = '~';
    public const char AbbreviationMark = '\u2248';

    public static PartMatch? Find(string[] name, Segment seg)
    {
        var toks = seg.Tokens;
        PartMatch? best = null;
        // A failed alignment leaves the list as it found it (every branch removes what it added), so one list serves
        // every start position until a match keeps it.
        List<string>? fuzzy = null;
        for (var s = 0; s < toks.Count; s++)
        {
            fuzzy ??= [];
            var end = Align(name, 0, toks, s, fuzzy);
            if (end < 0) continue;
            var m = new PartMatch(seg.Index, s, end, fuzzy);
            if (best is null || m.Fuzzy.Count < best.Fuzzy.Count) best = m;
            if (fuzzy.Count == 0) break;
            fuzzy = null;
        }
        return best;
    }

    // Returns the end index (exclusive) or -1.
    private static int Align(string[] name, int i, IReadOnlyList<Token> toks, int j, List<string> fuzzy)
    {
        if (i == name.Length) return j;
        if (j >= toks.Count) return AllLegal(name, i) ? j : -1;
        var t = toks[j].Text;
        // The name's own "X of Y" structure must not be broken by an input "of" at its start only; inner "of"s are dropped.
        if (t == name[i])
        {
            var r = Align(name, i + 1, toks, j + 1, fuzzy);
            if (r >= 0) return r;
        }
        if (j + 1 < toks.Count && name[i].Length == t.Length + toks[j + 1].Text.Length &&
            name[i].StartsWith(t, StringComparison.Ordinal) && name[i].EndsWith(toks[j + 1].Text, StringComparison.Ordinal))
        {
            var r = Align(name, i + 1, toks, j + 2, fuzzy);
            if (r >= 0) return r;
        }
        if (i + 1 < name.Length && t.Length == name[i].Length + name[i + 1].Length &&
            t.StartsWith(name[i], StringComparison.Ordinal) && t.EndsWith(name[i + 1], StringComparison.Ordinal))
        {
            var r = Align(name, i + 2, toks, j + 1, fuzzy);
            if (r >= 0) return r;
        }
        if (toks[j].Unknown && TokenStats.IsContraction(t, name[i]))
        {
            fuzzy.Add(name[i] + AbbreviationMark + t);
            var r = Align(name, i + 1, toks, j + 1, fuzzy);
            if (r >= 0) return r;
            fuzzy.RemoveAt(fuzzy.Count - 1);
        }
        // One typo per name part, except that misspelt generic words ("Insititute of Tecnology") are each still that word.
        if ((TokenStats.IsTypo(name[i], t) || SameDerivation(name[i], t)) && TypoAllowed(fuzzy, name[i]))
        {
            fuzzy.Add(name[i] + TypoMark + t);
            var r = Align(name, i + 1, toks, j + 1, fuzzy);
            if (r >= 0) return r;
            fuzzy.RemoveAt(fuzzy.Count - 1);
        }
        return AllLegal(name, i) ? j : -1; // consume trailing legal words when present, so spans compare fairly
    }

    private static bool TypoAllowed(List<string> fuzzy, string word)
    {
        var generic = IsGeneric(word);
        foreach (var f in fuzzy)
        {
            var at = f.IndexOf(TypoMark);
            if (at >= 0 && (!generic || !IsGeneric(f[..at]))) return false;
        }
        return true;
    }

    private static bool IsGeneric(string w) => Lexicon.GenericWords.Contains(w) || Lexicon.OrgTypeWords.Contains(w);

    /// <summary>"biology" / "biological", "geology" / "geological": one word in noun and adjective form.</summary>
    internal static bool SameDerivation(string a, string b)
    {
        if (a.Length < 6 || b.Length < 6 || a[0] != b[0]) return false;
        var sa = DerivationStem(a);
        var sb = DerivationStem(b);
        return sa.Length >= 5 && sa.SequenceEqual(sb) && a != b;
    }

    private static ReadOnlySpan<char> DerivationStem(string w)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ical", "ic", "al", "y"])
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 5) return w.AsSpan(0, w.Length - suffix.Length);
        return w;
    }

    // "Co., Ltd.", "Group", "Holding" may be left out after at least one distinctive word ("BGI Group" = "BGI").
    private static bool AllLegal(string[] name, int i)
    {
        if (i == 0) return false;
        for (var k = i; k < name.Length; k++)
            if (!TokenStats.LegalForms.Contains(name[k]) && !TokenStats.CompanyWords.Contains(name[k])) return false;
        for (var k = 0; k < i; k++)
            if (!Lexicon.GenericWords.Contains(name[k]) && !Lexicon.OrgTypeWords.Contains(name[k])) return true;
        return false;
    }
}
