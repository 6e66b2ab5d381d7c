using ResearchSecurity.Screening.Tests.Support;
using Xunit.Abstractions;

namespace ResearchSecurity.Screening.Tests.Quality;

/// <summary>
/// Precision and recall per language on affiliations written for this project (Data/affiliation-languages.jsonl:
/// Russian in Cyrillic and transliterated, Japanese, Korean, Persian), about half of them real unlisted institutions
/// that look like listed ones (Novosibirsk State University beside the listed SB RAS institutes, Tohoku University
/// beside the listed 东北大学, Isfahan University of Technology beside the listed Sharif University of Technology).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class AffiliationLanguageQualityTests(EngineFixture fixture, ITestOutputHelper output)
{
    private static readonly Lazy<List<LabelledAffiliations.Item>> Items = new(() => LabelledAffiliations.Load("affiliation-languages.jsonl"));

    [Theory]
    [InlineData("russian cyrillic")]
    [InlineData("russian latin")]
    [InlineData("japanese")]
    [InlineData("korean")]
    [InlineData("persian")]
    public void Screen_Language_PrecisionAndRecallMeetFloor(string language)
    {
        var items = Items.Value.Where(i => i.Class == language).ToList();
        var score = LabelledAffiliations.Measure(fixture.Engine, items, output);
        output.WriteLine($"{language}: {items.Count} strings, {items.Count(i => i.Expect.Length == 0)} look-alikes; {score}");
        var (precision, recall) = QualityFloor.Language[language];
        Assert.True(score.Precision >= precision, $"{language}: precision {score.Precision:F3} below {precision}");
        Assert.True(score.Recall >= recall, $"{language}: recall {score.Recall:F3} below {recall}");
    }
}
