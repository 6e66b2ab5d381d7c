using System.Globalization;
using System.Net;
using System.Text;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Character-level clean-up shared by list names and input: HTML entities, NFKC, glued camel case, diacritics,
/// apostrophes (Xi'an = Xian), dashes and ampersands. Case is kept so acronyms can still be recognised.
/// </summary>
public static class TextNormalizer
{
    public static string Clean(string raw)
    {
        if (string.IsNullOrEmpty(raw)) return string.Empty;
        var s = raw.Contains('&') ? WebUtility.HtmlDecode(raw) : raw;
        s = s.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length + 8);
        var decomposed = s.Normalize(NormalizationForm.FormD);
        char prev = '\0';
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            // Diacritics go, except on Cyrillic letters: й and ё are letters of their own (transliterated y, e).
            if (cat == UnicodeCategory.NonSpacingMark && !Transliteration.IsCyrillic(prev)) continue;
            if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BC') continue; // Xi’an -> Xian
            if (cat == UnicodeCategory.DashPunctuation) { sb.Append(' '); prev = ' '; continue; }
            if (c == '&') { sb.Append(" and "); prev = ' '; continue; }
            // "HarbinInstitute" -> "Harbin Institute": lower followed by Upper+lower starts a new word.
            if (char.IsUpper(c) && char.IsLower(prev) && i + 1 < decomposed.Length && char.IsLower(decomposed[i + 1]))
                sb.Append(' ');
            // "SiemensAG", "HuaweiLLC": a short capital tail glued to a word is a legal form or acronym of its own.
            else if (char.IsUpper(c) && char.IsLower(prev) && CapitalTail(decomposed, i) is >= 2 and <= 5)
                sb.Append(' ');
            sb.Append(c);
            prev = c;
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    // Length of the run of capitals at i when it ends the word, else 0.
    private static int CapitalTail(string s, int i)
    {
        var j = i;
        while (j < s.Length && char.IsUpper(s[j])) j++;
        return j < s.Length && char.IsLetterOrDigit(s[j]) ? 0 : j - i;
    }

    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Hangul syllables: compared like Chinese characters, against the Hangul readings of listed Chinese names.</summary>
    public static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';

    /// <summary>Characters compared by containment rather than as words: Chinese characters and Hangul syllables.</summary>
    public static bool IsCharacterScript(char c) => IsCjk(c) || IsHangul(c);

    /// <summary>
    /// The CJK characters and Hangul syllables of a string, in order, other characters dropped (for alias containment),
    /// Traditional forms folded to Simplified (<see cref="ScriptFolding"/>) so either script meets the other.
    /// </summary>
    public static string CjkOnly(string s)
    {
        StringBuilder? sb = null;
        foreach (var c in s)
            if (IsCjk(c)) (sb ??= new StringBuilder()).Append(ScriptFolding.Fold(c));
            else if (IsHangul(c)) (sb ??= new StringBuilder()).Append(c);
        return sb?.ToString() ?? string.Empty;
    }

    public static bool HasCjk(string s)
    {
        foreach (var c in s) if (IsCharacterScript(c)) return true;
        return false;
    }

    public static bool HasHan(string s)
    {
        foreach (var c in s) if (IsCjk(c)) return true;
        return false;
    }
}
