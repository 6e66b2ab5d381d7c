using System.Collections.Frozen;
using System.Text;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Generic words of organisation names in other languages, translated to the English words the lists use
/// (Text/Data/generic-words.tsv: университет = university, институт = institute, РАН = Russian Academy of Sciences,
/// دانشگاه = university ...), so the generic part of "Институт катализа им. Борескова" is read as English and the
/// distinctive part (Boreskov) carries the match. Vocabulary, not names: no entry names an institution. Russian entries
/// match every inflected form (<see cref="RomanisationVariants.RussianKey"/>: физики = физика), Persian ones by consonants;
/// abbreviations only when written in capitals.
/// </summary>
public static class GenericWords
{
    public const string ResourceName = "ResearchSecurity.Screening.Text.Data.generic-words.tsv";

    /// <summary>
    /// What an entry is: a generic word, an abbreviation (capitals only), a title that is part of a name (Imam), or a
    /// function word dropped like English "and", "at" (only when written in its own script: Russian "в" is no initial "V.").
    /// </summary>
    internal enum Kind { Word, Abbreviation, NameWord, StopWord }

    internal sealed record Entry(string Language, Kind Kind, string[] Keys, string[] English, bool[] EnglishAfterOf);

    private static readonly Lazy<List<string[]>> Rows = new(ReadRows);
    private static readonly Lazy<string[]> Endings = new(() =>
        Rows.Value.Where(f => f[1] == "ending").SelectMany(f => f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray());
    /// <summary>Entries by key kind (0 Russian stem, 1 Persian consonants, 2 abbreviation), then by first key.</summary>
    private static readonly Lazy<FrozenDictionary<string, Entry[]>[]> Entries = new(BuildEntries);

    /// <summary>Russian case and adjective endings (transliterated), from the data file.</summary>
    internal static IReadOnlyList<string> RussianEndings => Endings.Value;

    /// <summary>Replaces generic-word phrases in <paramref name="tokens"/> by their English tokens, in place.</summary>
    public static void Translate(List<Token> tokens)
    {
        var table = Entries.Value;
        string?[]? keys = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            keys ??= new string?[tokens.Count * 3];
            Entry? best = null;
            foreach (var kind in (ReadOnlySpan<int>)[0, 1, 2])
            {
                var key = KeyOf(tokens, i, kind, keys);
                if (key is null || !table[kind].TryGetValue(key, out var entries)) continue;
                foreach (var e in entries)
                    if ((best is null || e.Keys.Length > best.Keys.Length) && Matches(e, tokens, i, kind, keys) &&
                        (e.Kind != Kind.StopWord || IsFunctionWord(tokens, i, e))) best = e;
            }
            if (best is null || SameWords(best, tokens, i)) continue; // English "biology" keys like биология: nothing to translate
            var first = tokens[i];
            var written = string.Join(' ', tokens.Skip(i).Take(best.Keys.Length).Select(t => t.Written ?? t.Text));
            var english = best.English.Select((w, k) => new Token(w, k == 0 ? first.AfterOf : best.EnglishAfterOf[k])
            {
                Written = written, Script = first.Script, Capitals = first.Capitals, Capitalised = first.Capitalised,
                Origin = best.Kind == Kind.NameWord ? TokenOrigin.Variant : TokenOrigin.Translated,
            }).ToList();
            tokens.RemoveRange(i, best.Keys.Length);
            tokens.InsertRange(i, english);
            i += english.Count - 1; // a dropped function word leaves i on the word after it, seen next round
            keys = null; // positions moved
        }
    }

    private static bool SameWords(Entry e, List<Token> tokens, int i)
    {
        if (e.English.Length != e.Keys.Length) return false;
        for (var k = 0; k < e.English.Length; k++)
            if (tokens[i + k].Text != e.English[k]) return false;
        return true;
    }

    /// <summary>
    /// A function word written in its own script ("и"), or transliterated between two words ("Nauki I Tekhnologii"),
    /// never a single letter beside another (the "I." of "N.I. Lobachevsky" is an initial).
    /// </summary>
    private static bool IsFunctionWord(List<Token> tokens, int i, Entry e)
    {
        if (tokens[i].Script == e.Language) return true;
        if (tokens[i].Script is not null || (tokens[i].Written ?? tokens[i].Text).Length > 1) return false;
        return i > 0 && i + 1 < tokens.Count && tokens[i - 1].Text.Length >= 3 && tokens[i + 1].Text.Length >= 3;
    }

    // Key kinds: 0 Russian stem (also for Latin-written Russian), 1 Persian consonants, 2 exact capitals (abbreviations).
    private static string? KeyOf(List<Token> tokens, int i, int kind, string?[] cache)
    {
        if (i >= tokens.Count) return null;
        var slot = i * 3 + kind;
        if (slot < cache.Length && cache[slot] is { } cached) return cached;
        var t = tokens[i];
        var w = t.Written ?? t.Text;
        string? key = kind switch
        {
            0 when t.Script is null or "ru" => RomanisationVariants.RussianKey(w),
            1 when t.Script == "fa" => RomanisationVariants.ConsonantKey(w),
            2 when t.Capitals => w,
            _ => null,
        };
        if (key is not null && slot < cache.Length) cache[slot] = key;
        return key;
    }

    private static bool Matches(Entry e, List<Token> tokens, int i, int kind, string?[] cache)
    {
        if (i + e.Keys.Length > tokens.Count) return false;
        for (var k = 1; k < e.Keys.Length; k++)
            if (KeyOf(tokens, i + k, kind, cache) != e.Keys[k]) return false;
        return true;
    }

    private static List<string[]> ReadRows()
    {
        using var stream = typeof(GenericWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#' && line.Split('\t') is { Length: >= 3 } f) rows.Add(f);
        return rows;
    }

    private static FrozenDictionary<string, Entry[]>[] BuildEntries()
    {
        var entries = new List<Entry>();
        foreach (var f in Rows.Value.Where(f => f.Length == 4 || f[1] == "stop"))
        {
            var kind = f[1] switch { "abbr" => Kind.Abbreviation, "name" => Kind.NameWord, "stop" => Kind.StopWord, _ => Kind.Word };
            if (kind == Kind.StopWord)
            {
                foreach (var w in f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(LatinWords))
                    entries.Add(new Entry(f[0], kind, [RomanisationVariants.FoldRussian(w)], [], []));
                continue;
            }
            var keys = LatinWords(f[2]).Select(w => kind == Kind.Abbreviation ? w
                : f[0] == "fa" ? RomanisationVariants.ConsonantKey(w) : RomanisationVariants.RussianKey(w)).ToArray();
            var english = new List<string>();
            var afterOf = new List<bool>();
            var of = false;
            foreach (var w in f[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (w == "of") { of = true; continue; }
                if (Lexicon.StopWords.Contains(w)) continue;
                english.Add(Tokenizer.Canonical(w));
                afterOf.Add(of);
                of = false;
            }
            if (keys.Length > 0 && english.Count > 0) entries.Add(new Entry(f[0], kind, keys, [.. english], [.. afterOf]));
        }
        int KindOf(Entry e) => e.Kind == Kind.Abbreviation ? 2 : e.Language == "fa" ? 1 : 0;
        return [.. Enumerable.Range(0, 3).Select(k => entries.Where(e => KindOf(e) == k).GroupBy(e => e.Keys[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal))];
    }

    /// <summary>Lower-case Latin words of a written phrase (transliterated, punctuation and hyphens as spaces).</summary>
    internal static List<string> LatinWords(string phrase)
    {
        var words = new List<string>();
        var i = 0;
        while (i < phrase.Length)
        {
            if (!char.IsLetter(phrase[i])) { i++; continue; }
            var start = i;
            while (i < phrase.Length && char.IsLetter(phrase[i])) i++;
            var w = Tokenizer.LatinLetters(Transliteration.ToLatin(phrase[start..i], out _)).ToLowerInvariant();
            if (w.Length > 0) words.Add(w);
        }
        return words;
    }
}
