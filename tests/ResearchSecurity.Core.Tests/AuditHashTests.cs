using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Reference;

namespace ResearchSecurity.Core.Tests;

public sealed class AuditHashTests
{
    [Fact]
    public void ComputeHash_ChangesWhenAnyContentChanges()
    {
        var a = new AuditEvent(AuditEventType.DecisionRecorded, "ReviewDecision", Guid.Empty, Guid.Empty, """{"after":"Approved"}""", "ok");
        var b = new AuditEvent(AuditEventType.DecisionRecorded, "ReviewDecision", Guid.Empty, Guid.Empty, """{"after":"Rejected"}""", "ok");
        Assert.NotEqual(a.ComputeHash(), b.ComputeHash());
        Assert.Equal(a.ComputeHash(), a.ComputeHash());
    }

    [Theory]
    [InlineData("0000-0002-1825-0097", true)]
    [InlineData("0000-0001-5109-3700", true)]
    [InlineData("0000-0002-1694-233X", true)]
    [InlineData("0000-0002-1825-0098", false)]
    [InlineData("0000-0002-1825-009", false)]
    [InlineData("https://orcid.org/0000-0002-1825-0097", false)]
    public void OrcidIsValid_ChecksFormatAndCheckDigit(string orcid, bool valid) => Assert.Equal(valid, Orcid.IsValid(orcid));
}

public sealed class AuditEventTypeTests
{
    [Fact]
    public void EveryEventType_HasItsOwnStoredNumber()
    {
        // The trail stores the number: two names on one number would read back as the wrong event.
        var clashes = Enum.GetNames<ResearchSecurity.Core.Audit.AuditEventType>()
            .GroupBy(name => (int)Enum.Parse<ResearchSecurity.Core.Audit.AuditEventType>(name))
            .Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g)}").ToList();
        Assert.Empty(clashes);
    }
}
