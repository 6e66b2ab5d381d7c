using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Tests.Text;

public sealed class TextPipelineTests
{
    private static string Words(string raw) =>
        string.Join(' ', Segmenter.Split(raw, Tokenizer.Plain).SelectMany(s => s.Tokens).Select(t => t.Text));

    [Theory]
    [InlineData("Harbin Eng. Univ.", "harbin engineering university")]
    [InlineData("Natl. Acad. Sci.", "national academy science")]
    [InlineData("Inst. of Tech.", "institute technology")]
    [InlineData("Coll. of Sci. & Tech.", "college science technology")]
    [InlineData("Xi’an Jiaotong-Liverpool Univ.", "xian jiaotong liverpool university")]
    [InlineData("Universit&eacute; Paris-Saclay", "universite paris saclay")]
    [InlineData("National Defence Centre", "national defense center")]
    public void Tokenize_AbbreviationsEntitiesAndVariants_GiveCanonicalWords(string raw, string expected)
    {
        Assert.Equal(expected, Words(raw));
    }

    [Fact]
    public void Tokenize_OfBetweenWords_IsRememberedOnNextWord()
    {
        var tokens = Tokenizer.Plain.Tokenize("Tianjin University of Technology");
        Assert.Equal(["tianjin", "university", "technology"], tokens.Select(t => t.Text));
        Assert.True(tokens[2].AfterOf);
        Assert.False(tokens[1].AfterOf);
    }

    [Fact]
    public void Tokenize_WithVocabulary_SplitsGluedWords()
    {
        var tokenizer = new Tokenizer(new HashSet<string> { "university", "science" });
        Assert.Equal(["university", "science"], tokenizer.Tokenize("Universityof Science").Select(t => t.Text));
    }

    [Fact]
    public void Split_AffiliationWithBracketsAndDashes_GivesSegmentsAndClauses()
    {
        var segments = Segmenter.Split("Lab A (MOE), Example Univ. - Campus B; Other Inst., Boston, MA 02115, USA", Tokenizer.Plain);
        Assert.Equal(["Lab A", "MOE", "Example Univ.", "Campus B", "Other Inst.", "Boston", "MA 02115", "USA"], segments.Select(s => s.Raw));
        Assert.Equal(0, segments[3].Clause);
        Assert.Equal(1, segments[4].Clause);
    }

    [Fact]
    public void Split_LoneOrganisationWord_JoinsPreviousSegment()
    {
        var segments = Segmenter.Split("Fourth Military Medical, University, Xi'an", Tokenizer.Plain);
        Assert.Equal("Fourth Military Medical, University", segments[0].Raw);
        Assert.Equal(2, segments.Count);
    }

    [Fact]
    public void Detect_UsStateAndCountryNames_GivesExplicitCountries()
    {
        var segments = Segmenter.Split("Dept. of Physics, Stanford, CA 94305; Peking University, Beijing, P.R. China", Tokenizer.Plain);
        var countries = CountryDetector.Detect(segments);
        Assert.Contains("us", countries[0].Explicit);
        Assert.Contains("cn", countries[1].Explicit);
        Assert.DoesNotContain("cn", countries[0].Explicit);
    }

    [Fact]
    public void Detect_ChineseCityWithoutCountry_GivesInferredChina()
    {
        var countries = CountryDetector.Detect(Segmenter.Split("Harbin Eng. Univ., Harbin 150001", Tokenizer.Plain));
        Assert.Empty(countries[0].Explicit);
        Assert.Contains("cn", countries[0].Inferred);
    }

    [Theory]
    [InlineData("日本語表記", "jp")]           // the Japanese language
    [InlineData("中国語学科", "cn")]           // a Chinese-language department
    [InlineData("한국어 번역", "kr")]          // Korean translation
    [InlineData("ロシア語版", "ru")]           // the Russian edition
    [InlineData("日本式経営研究", "jp")]       // Japanese-style management
    public void Detect_PlaceNameInsideLongerWord_IsNoCountry(string segment, string country)
    {
        var countries = CountryDetector.Detect(Segmenter.Split(segment, Tokenizer.Plain));
        Assert.DoesNotContain(country, countries[0].Explicit);
    }

    [Theory]
    [InlineData("日本", "jp")]                       // standing alone
    [InlineData("日本 東京", "jp")]                  // followed by a space
    [InlineData("日本国東京都文京区", "jp")]         // heading an address
    [InlineData("宮城県仙台市青葉区", "jp")]         // a city after its prefecture
    [InlineData("日本東京", "jp")]                   // another place follows
    [InlineData("日本大学理工学部", "jp")]           // heading an organisation name
    [InlineData("中国科学院物理研究所", "cn")]
    [InlineData("中國航天科技集團", "cn")]           // Traditional script
    [InlineData("한국과학기술원", "kr")]
    [InlineData("부산광역시", "kr")]
    [InlineData("日本の大学", "jp")]                 // kana particle, then an organisation word
    public void Detect_PlaceNameAsWordOfItsOwn_IsACountry(string segment, string country)
    {
        var countries = CountryDetector.Detect(Segmenter.Split(segment, Tokenizer.Plain));
        Assert.Contains(country, countries[0].Explicit);
    }

    [Fact]
    public void Clean_FullWidthAndCamelCase_AreNormalised()
    {
        Assert.Equal("Harbin Institute", TextNormalizer.Clean("ＨａｒｂｉｎInstitute"));
    }
}
