using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Tests.Matching;

public sealed class ListingStatusTests
{
    private static ScreeningEngine Engine() => ScreeningEngine.Build(
    [
        new Watchlist("test", "Test list", "test",
        [
            new WatchlistEntity
            {
                ListId = "test", EntityId = "t-1", Name = "Qingyuan Radar Research Institute", Countries = ["cn"],
                Periods = [new ListingPeriod(new DateOnly(2019, 1, 1), new DateOnly(2021, 12, 31))],
            },
            new WatchlistEntity { ListId = "test", EntityId = "t-2", Name = "Lanshan Optics Company Limited", Countries = ["cn"] },
        ]),
    ]);

    [Fact]
    public void Screen_ListingEndedBeforeAsOf_IsHistorical()
    {
        using var engine = Engine();
        var hit = Assert.Single(engine.Screen("Qingyuan Radar Research Institute, Qingyuan, China", new DateOnly(2024, 3, 1)));
        Assert.Equal(ListingStatus.Historical, hit.Status);
    }

    [Fact]
    public void Screen_AsOfInsideListingPeriod_IsActive()
    {
        using var engine = Engine();
        var hit = Assert.Single(engine.Screen("Qingyuan Radar Research Institute, Qingyuan, China", new DateOnly(2020, 3, 1)));
        Assert.Equal(ListingStatus.Active, hit.Status);
    }

    [Fact]
    public void Screen_CompanyWithoutLegalForm_HitsListedCompany()
    {
        using var engine = Engine();
        var hit = Assert.Single(engine.Screen("Lanshan Optics, Wuhan, China"));
        Assert.Equal("t-2", hit.EntityId);
    }

    [Fact]
    public void Screen_OnDiskIndex_GivesSameHits()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rs-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var engine = ScreeningEngine.Build(
                [new Watchlist("test", "Test", "test", [new WatchlistEntity { ListId = "test", EntityId = "a", Name = "Lanshan Optics Company Limited" }])],
                new ScreeningOptions(), dir);
            Assert.Single(engine.Screen("Lanshan Optics Company Limited"));
            Assert.NotEmpty(Directory.GetFiles(dir));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
