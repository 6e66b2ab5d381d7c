using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Tests.Model;

public sealed class EntityContentHashTests
{
    private static readonly WatchlistEntity Base = new()
    {
        ListId = "l", EntityId = "e", Name = "Example Institute", Aliases = ["EI", "Example Inst."],
        Periods = [new ListingPeriod(new DateOnly(2021, 1, 1), null)], Notes = ["first note"],
    };

    [Fact]
    public void ContentHash_SameContentDifferentOrderAndNotes_IsEqual()
    {
        var other = Base with { Aliases = ["Example Inst.", "EI"], Notes = ["another note"] };
        Assert.Equal(Base.ContentHash, other.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", Base.ContentHash);
    }

    [Fact]
    public void ContentHash_ListingEnded_Changes()
    {
        var ended = Base with { Periods = [new ListingPeriod(new DateOnly(2021, 1, 1), new DateOnly(2024, 1, 1))] };
        Assert.NotEqual(Base.ContentHash, ended.ContentHash);
    }

    [Fact]
    public void ContentHash_NewParentOrAlias_Changes()
    {
        Assert.NotEqual(Base.ContentHash, (Base with { ParentId = "p" }).ContentHash);
        Assert.NotEqual(Base.ContentHash, (Base with { Aliases = ["EI"] }).ContentHash);
    }

    [Fact]
    public void StatusAt_DateAfterEnd_IsHistorical()
    {
        var ended = Base with { Periods = [new ListingPeriod(new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31))] };
        Assert.Equal(ListingStatus.Historical, ended.StatusAt(new DateOnly(2024, 6, 1)));
        Assert.Equal(ListingStatus.Active, ended.StatusAt(new DateOnly(2022, 6, 1)));
        Assert.Equal(ListingStatus.Active, Base.StatusAt(new DateOnly(2030, 1, 1)));
    }
}
