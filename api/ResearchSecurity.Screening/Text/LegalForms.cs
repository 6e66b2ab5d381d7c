using System.Collections.Frozen;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Legal forms written out or abbreviated in several languages, folded to one token per generic class so
/// "Siemens Aktiengesellschaft" = "Siemens AG" and "ACHIM DEVELOPMENT, OOO" = "LLC Achim Development". The classes
/// and the idea of a compare form follow the org-type table of OpenSanctions' <c>rigour</c> library
/// (resources/names/org_types.yml, MIT licence); the entries below are written for this project (transliterated
/// Russian as the trade.gov lists spell it, Cyrillic, German, French, Spanish, Italian, Dutch, Japanese romaji).
/// Phrases are matched on canonical tokens (see <see cref="Tokenizer"/>), so "Co., Ltd." is "company limited".
/// </summary>
public static class LegalForms
{
    /// <summary>Generic class token -> phrases that name it.</summary>
    private static readonly (string Class, string[] Phrases)[] Table =
    [
        ("llc", ["llc", "l l c", "limited liability company", "limited liability co", "ooo", "obshchestvo s ogranichennoi otvetstvennostyu",
                 "obshchestvo s ogranichennoy otvetstvennostyu", "obshestvo s ogranichennoi otvetstvennostyu", "общество с ограниченной ответственностью",
                 "ооо", "gmbh", "g m b h", "gesellschaft mit beschrankter haftung", "sarl", "societe a responsabilite limitee", "srl",
                 "societa a responsabilita limitata", "sociedad de responsabilidad limitada", "bv", "besloten vennootschap", "sp z oo", "tov",
                 "tovarystvo z obmezhenoyu vidpovidalnistyu", "yugen kaisha"]),
        ("jsc", ["jsc", "joint stock company", "joint stock co", "js co", "ojsc", "open joint stock company", "oao", "otkrytoe aktsionernoe obshchestvo",
                 "открытое акционерное общество", "оао", "cjsc", "closed joint stock company", "zao", "zakrytoe aktsionernoe obshchestvo",
                 "закрытое акционерное общество", "зао", "pjsc", "public joint stock company", "pao", "publichnoe aktsionernoe obshchestvo",
                 "публичное акционерное общество", "пао", "aktsionernoe obshchestvo", "акционерное общество", "ag", "aktiengesellschaft",
                 "aktien gesellschaft", "sa", "societe anonyme", "sociedad anonima", "spa", "societa per azioni", "nv", "naamloze vennootschap",
                 "kabushiki kaisha", "kk", "plc", "public limited company", "aktiebolag", "aktieselskab", "osakeyhtio"]),
        ("soe", ["fgup", "federalnoe gosudarstvennoe unitarnoe predpriyatie", "федеральное государственное унитарное предприятие", "фгуп",
                 "federal state unitary enterprise", "gup", "state unitary enterprise"]),
    ];

    /// <summary>The class tokens, for word weights and the "legal words are optional" rules.</summary>
    public static readonly FrozenSet<string> ClassTokens = Table.Select(t => t.Class).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>First canonical token -> (phrase tokens, class), longest phrase first.</summary>
    internal static readonly FrozenDictionary<string, (string[] Tokens, string Class)[]> ByFirstToken = Table
        .SelectMany(t => t.Phrases.Select(p => (Tokens: Canonicalise(p), t.Class)))
        .Where(x => x.Tokens.Length > 0)
        .GroupBy(x => x.Tokens[0], StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(x => x.Tokens.Length).ToArray(), StringComparer.Ordinal);

    /// <summary>Replaces every legal-form phrase in <paramref name="tokens"/> by its class token, in place.</summary>
    internal static void Fold(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!ByFirstToken.TryGetValue(tokens[i].Text, out var phrases)) continue;
            foreach (var (phrase, cls) in phrases)
            {
                if (i + phrase.Length > tokens.Count) continue;
                var all = true;
                for (var k = 1; k < phrase.Length && all; k++) all = tokens[i + k].Text == phrase[k];
                if (!all) continue;
                tokens[i] = new Token(cls, tokens[i].AfterOf);
                tokens.RemoveRange(i + 1, phrase.Length - 1);
                break;
            }
        }
    }

    private static string[] Canonicalise(string phrase) =>
        phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Transliteration.Applies(w) ? Tokenizer.LatinLetters(Transliteration.ToLatin(w, out _)) : w)
            .Where(w => w != "of" && !Lexicon.StopWords.Contains(w)).Select(Tokenizer.Canonical).ToArray();
}
