using System.Collections.Frozen;
using System.Text;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Cyrillic (Russian) and Arabic-script (Persian) letters to Latin, one letter at a time, from a table generated with ICU's
/// transforms (Text/Data/transliteration.tsv): Russian by ICU's "Russian-Latin/BGN" (BGN/PCGN 1947, the romanisation
/// the US lists use: Rzhanov, Khimii, Tsentr), Persian by "Persian-Latin/BGN" (BGN/PCGN 1958) with ICU's "Arabic-Latin"
/// for the letters BGN leaves to vocalisation. Persian is written without short vowels, so its romanisations are consonant
/// skeletons ("shryf"); <see cref="RomanisationVariants"/> meets them with listed words. Shipped generated: see
/// Text/Data/README.md.
/// </summary>
public static class Transliteration
{
    public const string ResourceName = "ResearchSecurity.Screening.Text.Data.transliteration.tsv";

    /// <summary>The standard behind each table, as explanations name it.</summary>
    public static readonly FrozenDictionary<string, string> Standards = new Dictionary<string, string>
    {
        ["ru"] = "BGN/PCGN", ["fa"] = "BGN/PCGN",
    }.ToFrozenDictionary();

    private static readonly Lazy<FrozenDictionary<char, (string Latin, string Language)>> Table = new(Load);

    /// <summary>The generated table, letter -> (Latin, language), for the consistency test.</summary>
    public static IReadOnlyDictionary<char, (string Latin, string Language)> Letters => Table.Value;

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';
    public static bool IsArabicScript(char c) => c is >= '\u0600' and <= '\u06FF';

    /// <summary>Whether <paramref name="s"/> has letters this class transliterates (a fast check before the work).</summary>
    public static bool Applies(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (IsCyrillic(c) || IsArabicScript(c)) return true;
        return false;
    }

    /// <summary>
    /// Latin form of one word. Capitals follow the source: an all-capital word stays in capitals ("РАН" -> "RAN"), a
    /// capitalised one starts with one ("Щёлково" -> "Shchelkovo"). Letters the table lacks are kept.
    /// </summary>
    public static string ToLatin(string word, out string? language)
    {
        language = null;
        var table = Table.Value;
        var allCaps = word.Count(char.IsUpper) > 1 && !word.Any(char.IsLower); // Arabic script has no case
        var sb = new StringBuilder(word.Length * 2);
        foreach (var c in word)
        {
            if (!table.TryGetValue(char.ToLowerInvariant(c), out var m)) { sb.Append(c); continue; }
            language ??= m.Language;
            if (allCaps) sb.Append(m.Latin.ToUpperInvariant());
            else if (char.IsUpper(c) && m.Latin.Length > 0) sb.Append(char.ToUpperInvariant(m.Latin[0])).Append(m.Latin, 1, m.Latin.Length - 1);
            else sb.Append(m.Latin);
        }
        return sb.ToString();
    }

    /// <summary>A whole text in Latin letters (words kept apart as written), for the upper-case acronym scan.</summary>
    public static string ToLatinText(string s)
    {
        if (!Applies(s)) return s;
        var sb = new StringBuilder(s.Length * 2);
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsLetter(s[i])) { sb.Append(s[i++]); continue; }
            var start = i;
            while (i < s.Length && char.IsLetter(s[i])) i++;
            sb.Append(ToLatin(s[start..i], out _));
        }
        return sb.ToString();
    }

    private static FrozenDictionary<char, (string, string)> Load()
    {
        using var stream = typeof(Transliteration).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<char, (string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            if (f.Length != 3 || f[1].Length != 1) continue;
            // ICU writes hard and soft signs and vowel hamzas as modifier letters (ʺ ʹ ‘) and marks letters with
            // diacritics (ë, ḥ, ṣ): affiliations are compared without them.
            table[char.ToLowerInvariant(f[1][0])] = (LettersOnly(f[2]), f[0]);
        }
        return table.ToFrozenDictionary();
    }

    private static string LettersOnly(string latin)
    {
        var sb = new StringBuilder();
        foreach (var c in latin.Normalize(NormalizationForm.FormD))
            if (char.IsAsciiLetter(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
