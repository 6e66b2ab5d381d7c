using System.Text;
using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Turns an entity's names into <see cref="CompiledName"/>s by rules about how list names are written:
/// "English (中文)" carries a Chinese alias, "Name (ACRONYM)" an acronym, "Name (City)" a qualifier,
/// "Parent - Child" and "Parent, Child" two parts that must both be present. A Chinese name also gets its Hangul reading.
/// </summary>
internal static class NameCompiler
{
    public static IEnumerable<CompiledName> Compile(WatchlistEntity e, int entityIndex, Func<int> nextId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in FromText(e.Name, NameKind.Canonical, null)) if (seen.Add(Key(n))) yield return n;
        foreach (var a in e.Aliases)
            foreach (var n in FromText(a, NameKind.Alias, null)) if (seen.Add(Key(n))) yield return n;
        foreach (var a in e.PreviousNames)
            foreach (var n in FromText(a, NameKind.PreviousName, null)) if (seen.Add(Key(n))) yield return n;
        foreach (var w in e.WeakAliases)
            foreach (var n in FromText(w, NameKind.WeakAlias, null)) if (seen.Add(Key(n))) yield return n;
        foreach (var c in e.Children)
        {
            var path = c.Path + ": " + c.Name;
            foreach (var n in FromText(c.Name, NameKind.Child, path)) if (seen.Add(Key(n))) yield return n;
            foreach (var a in c.Aliases)
                foreach (var n in FromText(a, NameKind.Child, path)) if (seen.Add(Key(n))) yield return n;
        }

        IEnumerable<CompiledName> FromText(string text, NameKind kind, string? childPath)
        {
            var (main, brackets) = SplitBrackets(text);
            var qualifiers = new List<string[]>();
            var endsWithBracket = text.TrimEnd().EndsWith(')');
            for (var bi = 0; bi < brackets.Count; bi++)
            {
                var b = brackets[bi];
                if (TextNormalizer.HasCjk(b))
                    foreach (var cjk in WithHangulReading(CjkForms(TextNormalizer.CjkOnly(b))))
                        yield return Make(b, kind == NameKind.Child ? NameKind.Child : NameKind.ChineseScript, [], [], cjk, null, childPath);
                else if (MispAcronym(b) && !(endsWithBracket && bi == brackets.Count - 1))
                    continue; // "(CAS)" in "Chinese Academy of Sciences (CAS) – Institute of ...": an acronym of a part, not of the whole
                else if (MispAcronym(b))
                    yield return Make(b, kind == NameKind.Child ? NameKind.Child : NameKind.WeakAlias, [], [], "", b.Trim(), childPath);
                else if (Tokenizer.Plain.Tokenize(TextNormalizer.Clean(b)).Select(t => t.Text).ToArray() is { Length: > 0 } q)
                    qualifiers.Add(q);
            }
            if (TextNormalizer.HasCjk(main) && LatinIsLeftover(main))
            {
                foreach (var cjk in WithHangulReading(CjkForms(TextNormalizer.CjkOnly(main))))
                    yield return Make(main, kind == NameKind.Child ? NameKind.Child : NameKind.ChineseScript, [], [], cjk, null, childPath);
                yield break;
            }
            if (MispAcronym(main))
            {
                yield return Make(main, kind == NameKind.Child ? NameKind.Child : NameKind.WeakAlias, [], [], "", main.Trim(), childPath);
                yield break;
            }
            var parts = SplitParts(main)
                .Select(p => Tokenizer.Plain.Tokenize(TextNormalizer.Clean(p)).Select(t => t.Text).ToArray())
                .Where(p => p.Length > 0).ToArray();
            if (parts.Length > 0) yield return Make(text, kind, parts, [.. qualifiers], "", null, childPath);
            if (WithoutEponym(parts) is { } plain) yield return Make(text, kind, plain, [.. qualifiers], "", null, childPath);
            if (parts.Length == 1 && Reorder(parts[0]) is { } reordered)
                yield return Make(text, kind, [reordered], [.. qualifiers], "", null, childPath) with { Reordered = true };
            foreach (var prefix in LegalPrefixTokens)
                if (parts.Length > 0 && parts[0].Length > prefix.Length && parts[0].AsSpan().StartsWith(prefix))
                {
                    yield return Make(text, kind, [parts[0][prefix.Length..], .. parts[1..]], [.. qualifiers], "", null, childPath);
                    break;
                }
        }

        CompiledName Make(string display, NameKind kind, string[][] parts, string[][] qualifiers, string cjk, string? acronym, string? childPath) =>
            new(nextId(), entityIndex, display, kind, parts, qualifiers, cjk, acronym, kind == NameKind.Child ? childPath : null);
    }

    /// <summary>
    /// A Chinese name with Latin leftovers ("网络与信息攻防技术教育部重点实验室 (B类": "B" of "B类", class B) is a Chinese
    /// name: the Latin part is compared only when some word of it has three or more letters.
    /// </summary>
    private static bool LatinIsLeftover(string main) =>
        !Tokenizer.Plain.Tokenize(TextNormalizer.Clean(new string(main.Where(c => !TextNormalizer.IsCjk(c)).ToArray()))).Any(t => t.Text.Length >= 3);

    /// <summary>"中国人民解放军" (PLA) heads the formal Chinese names of military schools and is usually left out.</summary>
    private const string PlaPrefix = "中国人民解放军";

    private static IEnumerable<string> CjkForms(string cjk)
    {
        yield return cjk;
        if (cjk.StartsWith(PlaPrefix, StringComparison.Ordinal) && cjk.Length - PlaPrefix.Length >= 4) yield return cjk[PlaPrefix.Length..];
    }

    /// <summary>
    /// A Chinese name is also written in Hangul by its Sino-Korean reading (<see cref="HangulReadings"/>): the full name
    /// only. Without the 中国人民解放军 prefix, 国防大学 reads 국방대학, which is inside Korea's own 국방대학교: a reading
    /// of a shortened name is one inference on another.
    /// </summary>
    private static IEnumerable<string> WithHangulReading(IEnumerable<string> cjkForms)
    {
        var first = true;
        foreach (var cjk in cjkForms)
        {
            yield return cjk;
            if (first && TextNormalizer.HasHan(cjk) && HangulReadings.Read(cjk) is { } hangul) yield return hangul;
            first = false;
        }
    }

    /// <summary>
    /// "Kazan National Research Technical University named after A.N. Tupolev-KAI" is mostly written without its
    /// eponym: the part from "named after" to its end is left out, when what stays is still a name, a distinctive word
    /// before the organisation type ("Institute of Semiconductor Physics named after A.V. Rzhanov" without Rzhanov is
    /// what many institutes are called: the Lashkaryov institute in Kyiv too).
    /// </summary>
    private static string[][]? WithoutEponym(string[][] parts)
    {
        for (var p = 0; p < parts.Length; p++)
        {
            var at = Array.IndexOf(parts[p], "named");
            if (at < 1 || at + 1 >= parts[p].Length || parts[p][at + 1] != "after") continue;
            // A name before its organisation type ("Kazan ... University"), not a description ("Institute of Semiconductor Physics").
            var kept = parts[p][..at];
            var type = Array.FindIndex(kept, Lexicon.OrgTypeWords.Contains);
            if (type < 0 || !kept[..type].Any(t => !Lexicon.GenericWords.Contains(t) && !TokenStats.LegalForms.Contains(t))) return null;
            return [.. parts[..p], kept, .. parts[(p + 1)..]];
        }
        return null;
    }

    private static readonly HashSet<string> ReorderableTypes = ["university", "institute", "academy", "college"];

    /// <summary>"Tsinghua University" is also written "University of Tsinghua" and the reverse: short names only.</summary>
    internal static string[]? Reorder(string[] part)
    {
        if (part.Length is < 2 or > 3) return null;
        if (ReorderableTypes.Contains(part[0]) && !ReorderableTypes.Contains(part[^1])) return [.. part[1..], part[0]];
        if (ReorderableTypes.Contains(part[^1]) && !ReorderableTypes.Contains(part[0])) return [part[^1], .. part[..^1]];
        return null;
    }

    private static readonly string[][] LegalPrefixTokens = Lexicon.LegalPrefixes
        .Select(p => Tokenizer.Plain.Tokenize(TextNormalizer.Clean(p)).Select(t => t.Text).ToArray())
        .OrderByDescending(p => p.Length).ToArray();

    private static string Key(CompiledName n) =>
        $"{(n.Kind == NameKind.Child ? "c" : "n")}|{string.Join("/", n.Parts.Select(p => string.Join(' ', p)))}|{n.Cjk}|{n.Acronym}";

    // Upper-case words that are countries ("(USA)", "PRC") are qualifiers, not acronyms.
    private static bool MispAcronym(string s)
    {
        var t = s.Trim();
        if (CountryDetector.IsCountryWord(t.ToLowerInvariant())) return false;
        return t.Length is >= 2 and <= 8 && t.All(c => char.IsAsciiLetterUpper(c) || char.IsDigit(c) || c == '&') && t.Any(char.IsAsciiLetterUpper);
    }

    /// <summary>Top-level bracketed pieces come out; the rest is the name ("China University of Geosciences (Wuhan) (中国地质大学)").</summary>
    internal static (string Main, List<string> Brackets) SplitBrackets(string text)
    {
        var main = new StringBuilder();
        var brackets = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '(' or '\uFF08') { if (depth++ > 0) current.Append(c); continue; }
            if (c is ')' or '\uFF09' && depth > 0)
            {
                if (--depth == 0) { brackets.Add(current.ToString()); current.Clear(); }
                else current.Append(c);
                continue;
            }
            (depth > 0 ? current : main).Append(c);
        }
        if (depth > 0) main.Append(current); // unbalanced "(": keep the text
        return (main.ToString().Trim(), brackets);
    }

    /// <summary>"A - B", "A – B" and "A, B" name an organisation and its unit: both parts must appear.</summary>
    internal static IEnumerable<string> SplitParts(string name)
    {
        var s = name.Replace(" \u2013 ", "\u0001").Replace(" \u2014 ", "\u0001").Replace(" - ", "\u0001").Replace(", ", "\u0001");
        return s.Split('\u0001', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !IsLegalForm(p));
    }

    // ", Ltd." / ", Inc." after a comma is a legal form, not a second organisation.
    private static bool IsLegalForm(string part) =>
        Tokenizer.Plain.Tokenize(TextNormalizer.Clean(part)).All(t => TokenStats.LegalForms.Contains(t.Text));
}
