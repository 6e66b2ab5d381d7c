namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Turns cleaned text into canonical tokens: lower case, abbreviations expanded, spelling variants folded, plural
/// "s" stripped, stop words dropped. With a vocabulary, unknown long words are split into two known words
/// ("Universityof" -> "university of"), which repairs the missing spaces common in extracted affiliations.
/// </summary>
/// <paramref name="isTypoOfKnown"/> keeps a misspelt known word whole ("Enginering" is not "Engine ring").
public sealed class Tokenizer(IReadOnlySet<string>? vocabulary = null, Func<string, bool>? isTypoOfKnown = null)
{
    public static readonly Tokenizer Plain = new();

    public List<Token> Tokenize(string cleaned)
    {
        var tokens = new List<Token>();
        var afterOf = false;
        var i = 0;
        while (i < cleaned.Length)
        {
            var c = cleaned[i];
            if (!char.IsLetterOrDigit(c) || TextNormalizer.IsCjk(c)) { i++; continue; }
            var start = i;
            while (i < cleaned.Length && char.IsLetterOrDigit(cleaned[i]) && !TextNormalizer.IsCjk(cleaned[i])) i++;
            var word = cleaned[start..i].ToLowerInvariant();
            foreach (var part in SplitGlued(word))
                afterOf = Emit(tokens, part, afterOf);
        }
        LegalForms.Fold(tokens);
        return tokens;
    }

    private bool Emit(List<Token> tokens, string word, bool afterOf)
    {
        if (word == "of") return true;
        if (Lexicon.StopWords.Contains(word)) return afterOf;
        var canonical = Canonical(word);
        tokens.Add(new Token(canonical, afterOf, vocabulary is not null && !vocabulary.Contains(canonical)));
        return false;
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

    private IEnumerable<string> SplitGlued(string word)
    {
        if (vocabulary is null || word.Length < 7 || vocabulary.Contains(Canonical(word)) || char.IsDigit(word[0]) ||
            isTypoOfKnown?.Invoke(word) == true)
        {
            yield return word;
            yield break;
        }
        for (var k = 2; k <= word.Length - 2; k++)
        {
            var left = word[..k];
            var right = word[k..];
            if (Known(left) && Known(right) && (left.Length >= 4 || right.Length >= 4))
            {
                yield return left;
                yield return right;
                yield break;
            }
        }
        yield return word;
    }

    private bool Known(string w) => Lexicon.StopWords.Contains(w) || (w.Length >= 3 && vocabulary!.Contains(Canonical(w)));
}
