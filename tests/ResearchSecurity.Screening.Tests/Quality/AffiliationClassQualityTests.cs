using ResearchSecurity.Screening.Tests.Support;
using Xunit.Abstractions;

namespace ResearchSecurity.Screening.Tests.Quality;

/// <summary>
/// Precision and recall per defect class on affiliation strings written for this project (Data/affiliation-classes.jsonl:
/// lone letters, Traditional script, typos, abbreviations, legal forms, glued words, group members), each class with
/// look-alikes that must stay clear; scored as <see cref="LabelledAffiliations"/> says.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class AffiliationClassQualityTests(EngineFixture fixture, ITestOutputHelper output)
{
    private static readonly Lazy<List<LabelledAffiliations.Item>> Items = new(() => LabelledAffiliations.Load("affiliation-classes.jsonl"));

    [Theory]
    [InlineData("lone letters")]
    [InlineData("traditional script")]
    [InlineData("typos")]
    [InlineData("abbreviations")]
    [InlineData("legal forms")]
    [InlineData("glued words")]
    [InlineData("group members")]
    public void Screen_DefectClass_PrecisionAndRecallMeetFloor(string defectClass)
    {
        var score = LabelledAffiliations.Measure(fixture.Engine, Items.Value.Where(i => i.Class == defectClass), output);
        output.WriteLine($"{defectClass}: {score}");
        Assert.True(score.Precision >= QualityFloor.ClassPrecision, $"{defectClass}: precision {score.Precision:F3} below {QualityFloor.ClassPrecision}");
        Assert.True(score.Recall >= QualityFloor.ClassRecall, $"{defectClass}: recall {score.Recall:F3} below {QualityFloor.ClassRecall}");
    }
}
