using System.Collections.Frozen;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Turns cleaned text into canonical tokens: lower case, abbreviations expanded, spelling variants folded, plural
/// "s" stripped, stop words dropped. With a vocabulary, unknown long words are split into two known words
/// ("Universityof" -> "university of"), which repairs the missing spaces common in extracted affiliations.
/// </summary>
/// <paramref name="isTypoOfKnown"/> keeps a misspelt known word whole ("Enginering" is not "Engine ring").
/// Words in Cyrillic or Arabic script are transliterated (<see cref="Transliteration"/>), generic words of other
/// languages translated (<see cref="GenericWords"/>), and with <paramref name="variants"/> an unknown word that is a
/// romanisation or inflected form of a listed word becomes that word ("Rzhanova" = Rzhanov).
public sealed class Tokenizer(IReadOnlySet<string>? vocabulary = null, Func<string, bool>? isTypoOfKnown = null, VariantResolver? variants = null)
{
    public static readonly Tokenizer Plain = new();

    // Span look-ups of the word lists the tokenizer consults for every word (the lists themselves are in Lexicon).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords =
        Lexicon.StopWords.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationKeys =
        Lexicon.Abbreviations.Keys.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VariantKeys =
        Lexicon.Variants.Keys.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Words every text repeats (stop words, generic and organisation words), shared instead of copied.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownWords =
        Lexicon.StopWords.Concat(Lexicon.GenericWords).Concat(Lexicon.OrgTypeWords).Concat(Lexicon.Abbreviations.Keys)
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The vocabulary looked up by span; its strings also stand in for the words a text writes.</summary>
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _vocabulary =
        (vocabulary ?? new HashSet<string>()).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public List<Token> Tokenize(string cleaned)
    {
        var tokens = new List<Token>(Math.Max(4, cleaned.Length / 6));
        var afterOf = false;
        var i = 0;
        while (i < cleaned.Length)
        {
            var c = cleaned[i];
            if (!char.IsLetterOrDigit(c) || TextNormalizer.IsCharacterScript(c)) { i++; continue; }
            var start = i;
            while (i < cleaned.Length && char.IsLetterOrDigit(cleaned[i]) && !TextNormalizer.IsCharacterScript(cleaned[i])) i++;
            var span = cleaned.AsSpan(start, i - start);
            string? script = null;
            string word;
            bool capitals, capitalised;
            if (Transliteration.Applies(span))
            {
                var written = LatinLetters(Transliteration.ToLatin(span.ToString(), out script));
                if (written.Length == 0) continue;
                (word, capitals, capitalised) = (written.ToLowerInvariant(), IsCapitals(written), char.IsUpper(written[0]));
            }
            else (word, capitals, capitalised) = (LowerCase(span), IsCapitals(span), char.IsUpper(span[0]));
            if (script is not null) afterOf = Emit(tokens, word, afterOf, script, capitals, capitalised);
            else if (SplitGlued(word) is var (left, right))
            {
                afterOf = Emit(tokens, left, afterOf, null, capitals, capitalised);
                afterOf = Emit(tokens, right, afterOf, null, capitals, capitalised);
            }
            else afterOf = Emit(tokens, word, afterOf, null, capitals, capitalised);
        }
        LegalForms.Fold(tokens);
        GenericWords.Translate(tokens);
        MarkGenitiveComplements(tokens);
        if (variants is not null) ResolveVariants(tokens, variants);
        return tokens;
    }

    /// <summary>
    /// Russian puts what English joins with "of" after the organisation type, in the genitive and in lower case
    /// ("университет путей сообщения", University of Railways): such a word starts another body, as "of" does in
    /// "Moscow State University | of Railway Engineering". Names ("имени", "Курчатовский") and acronyms do not.
    /// </summary>
    private static void MarkGenitiveComplements(List<Token> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Script == "ru" && !t.AfterOf && !t.Capitalised && !t.Capitals && t.Text != "named" &&
                tokens[i - 1].Script == "ru" && Lexicon.OrgTypeWords.Contains(tokens[i - 1].Text))
                tokens[i] = t with { AfterOf = true };
        }
    }

    private bool Emit(List<Token> tokens, string word, bool afterOf, string? script, bool capitals, bool capitalised)
    {
        if (word == "of") return true;
        if (Lexicon.StopWords.Contains(word) && script is null) return afterOf;
        var canonical = script is null ? Canonical(word) : word;
        tokens.Add(new Token(canonical, afterOf, vocabulary is not null && !vocabulary.Contains(canonical))
        {
            Written = word, Script = script, Capitals = capitals, Capitalised = capitalised,
        });
        return false;
    }

    private static void ResolveVariants(List<Token> tokens, VariantResolver variants)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.Unknown || t.Origin != TokenOrigin.AsWritten) continue;
            if (variants.Resolve(t.Written ?? t.Text, t.Script) is { } listed)
                tokens[i] = t with { Text = listed, Unknown = false, Origin = TokenOrigin.Variant };
        }
    }

    /// <summary>
    /// The word in lower case (as <see cref="string.ToLowerInvariant()"/>), as the vocabulary's own string when it is a
    /// listed or known word: most words of a text are, so they cost no new string.
    /// </summary>
    private string LowerCase(ReadOnlySpan<char> written)
    {
        if (written.Length > 64) return written.ToString().ToLowerInvariant();
        Span<char> lower = stackalloc char[written.Length];
        written.ToLowerInvariant(lower);
        return _vocabulary.TryGetValue(lower, out var known) || KnownWords.TryGetValue(lower, out known) ? known : new string(lower);
    }

    /// <summary>"RAS", "СО", "УрО": all capitals, or two capitals or more in one word.</summary>
    private static bool IsCapitals(ReadOnlySpan<char> written)
    {
        if (written.Length < 2) return false;
        var upper = 0;
        var lower = 0;
        foreach (var c in written)
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
        return upper >= 2 || (upper >= 1 && lower == 0);
    }

    /// <summary>Letters and digits of a transliteration, diacritics dropped ("Obʺyedinënnyy" -> "Obyedinennyy").</summary>
    public static string LatinLetters(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s.Normalize(System.Text.NormalizationForm.FormD))
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    public static string Canonical(string word)
    {
        if (Lexicon.Abbreviations.TryGetValue(word, out var full)) word = full;
        if (Lexicon.Variants.TryGetValue(word, out var v)) return v;
        // "Universities of Shandong" names a group of universities, not one: a plural organisation type stays plural.
        if (word.Length > 5 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            var stem = word[..^3] + "y";
            return Lexicon.OrgTypeWords.Contains(stem) ? word : Lexicon.Variants.TryGetValue(stem, out var sv) ? sv : stem;
        }
        if (word.Length > 4 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            var stem = word[..^1];
            return Lexicon.Variants.TryGetValue(stem, out var sv) ? sv : stem;
        }
        return word;
    }

    /// <summary>The two known words an unknown glued word is made of ("universityof"), or null to keep it whole.</summary>
    private (string Left, string Right)? SplitGlued(string word)
    {
        if (vocabulary is null || word.Length < 7 || vocabulary.Contains(Canonical(word)) || char.IsDigit(word[0]) ||
            isTypoOfKnown?.Invoke(word) == true)
            return null;
        for (var k = 2; k <= word.Length - 2; k++)
        {
            var left = word.AsSpan(0, k);
            var right = word.AsSpan(k);
            if ((left.Length >= 4 || right.Length >= 4) && Known(left) && Known(right)) return (word[..k], word[k..]);
        }
        return null;
    }

    /// <summary>
    /// A stop word, or a word of three letters or more whose canonical form is in the vocabulary. Tried at every cut of
    /// every unknown long word, so it avoids strings: <see cref="Canonical"/> returns the word itself unless it is an
    /// abbreviation, a spelling variant or ends in "s", and only then is a string made.
    /// </summary>
    private bool Known(ReadOnlySpan<char> w)
    {
        if (StopWords.Contains(w)) return true;
        if (w.Length < 3) return false;
        if (w[^1] == 's' || AbbreviationKeys.Contains(w) || VariantKeys.Contains(w)) return vocabulary!.Contains(Canonical(w.ToString()));
        return _vocabulary.Contains(w);
    }
}
