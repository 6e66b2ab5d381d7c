using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Core.Tests;

public sealed class RiskAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static ScreeningHit Hit(double score, HitStatus status = HitStatus.Active) => ScreeningHit.Raise(Guid.NewGuid(), "PartnerOrganisation",
        Guid.NewGuid(), Guid.NewGuid(), null, "name", "Harbin Eng. Univ.", "us-1286", Guid.NewGuid(), "e1", "Harbin Engineering University",
        "Harbin Engineering University", "Harbin Eng. Univ.", score, status, "{}", "hash", Now);

    [Theory]
    [InlineData(4, 0.95, RiskLevel.Critical)]
    [InlineData(4, 0.70, RiskLevel.High)]
    [InlineData(2, 0.70, RiskLevel.Medium)]
    [InlineData(1, 0.90, RiskLevel.Low)]
    public void Assess_OpenHit_LevelFollowsSeverityTimesScore(int severity, double score, RiskLevel expected)
    {
        var (level, reasons) = RiskAssessment.Assess([new(Hit(score), "DoD §1286", severity)], sensitiveArea: false, new RiskOptions());
        Assert.Equal(expected, level);
        Assert.Contains("Harbin Engineering University", reasons[0]);
    }

    [Fact]
    public void Assess_FalsePositiveAndHistoricalHits_DoNotCount()
    {
        var cleared = Hit(0.99);
        cleared.RecordDisposition(Disposition.FalsePositive, "Different organisation with a similar name", "Harbin Institute of Navigation, not HEU", "rev", Now);
        var (level, _) = RiskAssessment.Assess(
            [new(cleared, "DoD §1286", 4), new(Hit(0.99, HitStatus.Historical), "DoD §1286", 4)], sensitiveArea: true, new RiskOptions());
        Assert.Equal(RiskLevel.None, level);
    }

    [Fact]
    public void Assess_SensitiveAreaWithListedPartner_RaisesOneLevel()
    {
        var (level, reasons) = RiskAssessment.Assess([new(Hit(0.7), "ASPI", 2)], sensitiveArea: true, new RiskOptions());
        Assert.Equal(RiskLevel.High, level);
        Assert.Contains(reasons, r => r.Contains("Sensitive technology area"));
    }

    [Fact]
    public void Refresh_ClearedHitWhoseListedEntryChanged_IsReRaisedWithReason()
    {
        var hit = Hit(0.9);
        hit.RecordDisposition(Disposition.FalsePositive, "Different country or location", "US namesake", "rev", Now);

        var unchanged = hit.Refresh(Guid.NewGuid(), Guid.NewGuid(), hit.TextScreened, hit.EntityName, hit.MatchedName, hit.Segment, 0.9,
            HitStatus.Active, "{}", "hash", Now);
        Assert.False(unchanged);
        Assert.Equal(Disposition.FalsePositive, hit.Disposition);

        var changed = hit.Refresh(Guid.NewGuid(), Guid.NewGuid(), hit.TextScreened, hit.EntityName, hit.MatchedName, hit.Segment, 0.9,
            HitStatus.Active, "{}", "hash-after-rename", Now);
        Assert.True(changed);
        Assert.Equal(Disposition.None, hit.Disposition);
        Assert.Contains("listed entry changed", hit.ReRaisedReason);
    }
}
