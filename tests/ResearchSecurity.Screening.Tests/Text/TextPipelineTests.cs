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

    [Fact]
    public void Clean_FullWidthAndCamelCase_AreNormalised()
    {
        Assert.Equal("Harbin Institute", TextNormalizer.Clean("ＨａｒｂｉｎInstitute"));
    }
}
