namespace ResearchSecurity.Screening.Text;

/// <summary>
/// A canonical word. <see cref="AfterOf"/> remembers that the dropped word "of" stood right before it, which tells
/// "Tianjin University | of Technology" (a different organisation) from "Tianjin University | School of ...".
/// </summary>
/// <see cref="Unknown"/> marks a word neither listed nor generic (a candidate abbreviation: "Chem", "Phys").
public readonly record struct Token(string Text, bool AfterOf, bool Unknown = false)
{
    /// <summary>The word as written, lower case, in Latin letters (transliterated when written in another script).</summary>
    public string? Written { get; init; }
    /// <summary>Language of the transliteration table the word went through ("ru", "fa"); null when written in Latin.</summary>
    public string? Script { get; init; }
    /// <summary>Written in capitals ("RAS", "СО РАН"): abbreviations are read only then.</summary>
    public bool Capitals { get; init; }
    /// <summary>Written with a capital first letter (a name or the first word of one, as opposed to a common noun).</summary>
    public bool Capitalised { get; init; }
    public TokenOrigin Origin { get; init; }
}

/// <summary>How a token came from the written word: as is, by a generic-word translation, or as a listed word's romanisation variant.</summary>
public enum TokenOrigin
{
    AsWritten,
    /// <summary>A generic word or abbreviation translated from its language (Text/Data/generic-words.tsv).</summary>
    Translated,
    /// <summary>Another romanisation or an inflected form of a listed word ("Rzhanova", "Moskovsky", "shryf" = Sharif).</summary>
    Variant,
}
