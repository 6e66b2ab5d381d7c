using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Tests.Text;

/// <summary>Transliteration, generic-word translation, romanisation keys, word orders and Hangul readings.</summary>
public sealed class LanguageTextTests
{
    private static string Words(string raw) =>
        string.Join(' ', Tokenizer.Plain.Tokenize(TextNormalizer.Clean(raw)).Select(t => t.Text));

    [Theory]
    [InlineData("Щёлково", "Shchelkovo")]
    [InlineData("Черноголовка", "Chernogolovka")]
    [InlineData("Ржанова", "Rzhanova")]
    [InlineData("Объединённый", "Obedinennyy")] // letter by letter: BGN's "ye" after a vowel or sign is not applied (keys fold ye = e)
    [InlineData("РАН", "RAN")]
    public void Transliterate_Russian_FollowsBgnPcgn(string cyrillic, string latin)
    {
        Assert.Equal(latin, Tokenizer.LatinLetters(Transliteration.ToLatin(cyrillic, out var language)));
        Assert.Equal("ru", language);
    }

    [Fact]
    public void Transliterate_Persian_GivesConsonantsOfBgnPcgn()
    {
        Assert.Equal("shryf", Tokenizer.LatinLetters(Transliteration.ToLatin("شریف", out var language)));
        Assert.Equal("fa", language);
    }

    [Fact]
    public void ShippedTransliterationTable_CoversTheRussianAndPersianAlphabets()
    {
        Assert.All("абвгдеёжзийклмнопрстуфхцчшщъыьэюя".Where(c => c is not ('ъ' or 'ь')),
            c => Assert.True(Transliteration.Letters[c].Latin.Length > 0, $"{c} has no Latin form"));
        Assert.All("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی".Where(c => c != 'ع'),
            c => Assert.True(Transliteration.Letters[c].Latin.Length > 0, $"{c} has no Latin form"));
    }

    [Theory]
    [InlineData("Институт катализа", "institute catalysis")]
    [InlineData("Институт физики твердого тела РАН", "institute solid state physic russia academy science")]
    [InlineData("Institut fiziki poluprovodnikov SO RAN", "institute semiconductor physic siberian branch russia academy science")]
    [InlineData("Institute of Semiconductor Physics SB RAS", "institute semiconductor physic siberian branch russia academy science")]
    [InlineData("Московский государственный университет", "moscow state university")]
    [InlineData("دانشگاه صنعتی", "university technology")]
    public void Tokenize_GenericWordsOfOtherLanguages_AreTranslated(string raw, string expected)
    {
        Assert.Equal(expected, Words(raw));
    }

    [Fact]
    public void Tokenize_AbbreviationInLowerCase_IsNotExpanded()
    {
        Assert.Equal("ras al khaimah", Words("Ras Al Khaimah"));
    }

    [Fact]
    public void Tokenize_TranslatedWord_RecordsItsWrittenFormAndScript()
    {
        var t = Tokenizer.Plain.Tokenize(TextNormalizer.Clean("Институт")).Single();
        Assert.Equal(TokenOrigin.Translated, t.Origin);
        Assert.Equal("institut", t.Written);
        Assert.Equal("ru", t.Script);
    }

    [Theory]
    [InlineData("Moskovskiy", "Moskovsky")]
    [InlineData("Moskovskiy", "Moskovskii")]
    [InlineData("Boreskova", "Boreskov")]
    [InlineData("Lebedeva", "Lebedev")]
    [InlineData("poluprovodnikov", "poluprovodnik")]
    [InlineData("fiziki", "fizika")]
    [InlineData("khimii", "khimiya")]
    [InlineData("Tsentr", "Centr")]
    public void RussianKey_RomanisationsAndCaseForms_Agree(string a, string b)
    {
        Assert.Equal(RomanisationVariants.RussianKey(a.ToLowerInvariant()), RomanisationVariants.RussianKey(b.ToLowerInvariant()));
    }

    [Fact]
    public void RussianKey_DifferentStems_Differ()
    {
        Assert.NotEqual(RomanisationVariants.RussianKey("tomskiy"), RomanisationVariants.RussianKey("tambovskiy"));
    }

    [Theory]
    [InlineData("shryf", "sharif")]
    [InlineData("hsyn", "hossein")]
    [InlineData("hsyn", "hussein")]
    [InlineData("amyrkbyr", "amirkabir")]
    public void ConsonantKey_PersianRomanisation_MeetsListedSpelling(string persian, string listed)
    {
        Assert.Equal(RomanisationVariants.ConsonantKey(listed), RomanisationVariants.ConsonantKey(persian));
    }

    [Fact]
    public void VariantResolver_InflectedSurname_IsTheListedWord()
    {
        var resolver = new VariantResolver([("rzhanov", 2), ("boreskov", 1)], _ => true);
        Assert.Equal("rzhanov", resolver.Resolve("rzhanova", "ru"));
        Assert.Equal("rzhanov", resolver.Resolve("rzhanova", null));
        Assert.Null(resolver.Resolve("budkera", "ru"));
    }

    [Fact]
    public void WordOrder_EponymAfterNamedAfter_IsAlsoReadFirst()
    {
        var segments = Segmenter.Split("Институт катализа им. Г.К. Борескова", Tokenizer.Plain);
        Assert.Contains(segments, s => s.Reordered && string.Join(' ', s.Tokens.Select(t => t.Text)) == "boreskova institute catalysis");
    }

    [Fact]
    public void WordOrder_PersianNameAfterGenericWords_IsAlsoReadFirst()
    {
        var segments = Segmenter.Split("دانشگاه صنعتی شریف", Tokenizer.Plain);
        Assert.Contains(segments, s => s.Reordered && string.Join(' ', s.Tokens.Select(t => t.Text)) == "shryf university technology");
    }

    [Fact]
    public void PersianComma_SeparatesSegments()
    {
        Assert.Equal(3, Segmenter.Split("دانشگاه تهران، تهران، ایران", Tokenizer.Plain).Count(s => !s.Reordered));
    }

    [Theory]
    [InlineData("北京航空航天大学", "북경항공항천대학")]
    [InlineData("清华大学", "청화대학")]
    [InlineData("哈尔滨工业大学", "합이빈공업대학")]
    public void HangulReading_ChineseName_IsItsSinoKoreanReading(string chinese, string hangul)
    {
        Assert.Equal(hangul, HangulReadings.Read(chinese));
    }
}
