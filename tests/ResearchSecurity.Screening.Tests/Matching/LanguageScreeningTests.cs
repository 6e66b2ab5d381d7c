using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Tests.Support;

namespace ResearchSecurity.Screening.Tests.Matching;

/// <summary>Affiliations in Russian, Japanese, Korean and Persian against the real development lists (issue 19).</summary>
[Collection(EngineCollection.Name)]
public sealed class LanguageScreeningTests(EngineFixture fixture)
{
    private const string Us1286 = "us_dod_section_1286";
    private const string Aspi = "china-defence-universities";

    private IReadOnlyList<ScreeningMatch> Screen(string text) => fixture.Engine.Screen(text, new DateOnly(2026, 1, 1));

    private static ScreeningMatch Hit(IReadOnlyList<ScreeningMatch> hits, string list, string name) =>
        Assert.Single(hits, h => h.ListId == list && h.Name.StartsWith(name, StringComparison.Ordinal));

    [Theory]
    [InlineData("Институт физики твердого тела РАН, Черноголовка, Московская область", "Institute of Solid-State Physics of the Russian Academy of Sciences")]
    [InlineData("Институт катализа им. Г.К. Борескова СО РАН, Новосибирск", "Federal Research Center Boreskov Institute of Catalysis")]
    [InlineData("Institut fiziki poluprovodnikov im. A.V. Rzhanova SO RAN, Novosibirsk", "Rzhanov Institute of Semiconductor Physics of the Siberian Branch")]
    [InlineData("Rzhanov Institute of Semiconductor Physics SB RAS, Novosibirsk", "Rzhanov Institute of Semiconductor Physics of the Siberian Branch")]
    public void Screen_RussianAffiliationOfListedInstitute_Hits(string text, string listed)
    {
        Assert.Contains(Screen(text), h => h.ListId == Us1286 && h.Name.StartsWith(listed, StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_CyrillicAffiliation_ExplainsTransliterationAndTranslation()
    {
        var hit = Hit(Screen("Институт катализа им. Г.К. Борескова СО РАН, Новосибирск"), Us1286, "Federal Research Center Boreskov");
        var features = hit.Explanation.Features;
        Assert.Contains(features, f => f.Feature == "transliterated" && f.Detail.StartsWith("ru, BGN/PCGN", StringComparison.Ordinal));
        Assert.Contains(features, f => f.Feature == "translated" && f.Detail.Contains("kataliza = catalysis", StringComparison.Ordinal));
        Assert.Contains(features, f => f.Feature == "romanisation variant" && f.Detail.Contains("boreskova = boreskov", StringComparison.Ordinal));
        Assert.Contains(features, f => f.Feature == "word order");
    }

    [Fact]
    public void Screen_EnglishAffiliation_SaysNothingOfTranslation()
    {
        var hit = Hit(Screen("Institute of Molecular and Cell Biology, Siberian Branch of the Russian Academy of Sciences, Novosibirsk"),
            Us1286, "Federal State Budgetary Institution of Science Institute of Molecular and Cell Biology");
        Assert.DoesNotContain(hit.Explanation.Features, f => f.Feature is "translated" or "transliterated" or "romanisation variant");
    }

    [Fact]
    public void Screen_JapaneseShinjitaiName_StillHits()
    {
        Assert.Contains(Screen("哈爾浜工程大学"), h => h.ListId == Aspi && h.Name.StartsWith("Harbin Engineering University", StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_KoreanReadingOfListedChineseName_HitsAndSaysSo()
    {
        var hit = Hit(Screen("북경항공항천대학교 우주항공공학과"), Aspi, "Beihang University");
        Assert.Contains(hit.Explanation.Features, f => f.Feature == "hangul reading");
    }

    [Fact]
    public void Screen_PersianSharif_HitsWithItsTransliteration()
    {
        var hit = Hit(Screen("دانشگاه صنعتی شریف، تهران، ایران"), Us1286, "Sharif University of Technology");
        Assert.Contains(hit.Explanation.Features, f => f.Feature == "transliterated" && f.Detail.StartsWith("fa, BGN/PCGN", StringComparison.Ordinal));
    }

    // A language name is no country: 日本語 ("Japanese") does not put the institution in Japan, so it must not conflict.
    [Theory]
    [InlineData("哈尔滨工业大学 (日本語訳)", Aspi, "Harbin Institute of Technology")]
    [InlineData("西北工業大学 ロシア語版", Aspi, "Northwestern Polytechnical University")]
    [InlineData("북경항공항천대학교 (한국어 표기)", Aspi, "Beihang University")]
    public void Screen_LanguageNameBesideListedName_StillHits(string text, string list, string listed)
    {
        Assert.Contains(Screen(text), h => h.ListId == list && h.Name.StartsWith(listed, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("東北大学 金属材料研究所, 宮城県仙台市")]   // a Japanese address still conflicts with Shenyang's 东北大学
    [InlineData("東北大学 大学院工学研究科 (日本国)")]
    public void Screen_JapaneseAddressBesideLookAlike_StaysClear(string text)
    {
        Assert.Empty(Screen(text));
    }

    [Theory]
    [InlineData("Новосибирский государственный университет, Новосибирск")]
    [InlineData("Институт химии твердого тела УрО РАН, Екатеринбург")]
    [InlineData("Институт физики полупроводников им. В.Е. Лашкарёва НАН Украины, Киев")]
    [InlineData("Томский государственный университет, Томск")]
    [InlineData("Институт, Новосибирск")]
    [InlineData("東北大学 金属材料研究所, 仙台, 日本")]
    [InlineData("東京工業大学, 東京")]
    [InlineData("국방대학교, 논산")]
    [InlineData("한국과학기술원, 대전")]
    [InlineData("دانشگاه صنعتی اصفهان، اصفهان")]
    [InlineData("دانشگاه تهران، تهران، ایران")]
    public void Screen_UnlistedLookAlike_StaysClear(string text)
    {
        Assert.Empty(Screen(text));
    }
}
