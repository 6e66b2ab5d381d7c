using ResearchSecurity.Core.Watchlists;
using ResearchSecurity.Screening.Import;
using ResearchSecurity.Tests.Shared;

namespace ResearchSecurity.Core.Tests.Watchlists;

/// <summary>
/// List versions are stored entity by entity as JSON and rebuilt for every screening: each real list must come back
/// exactly as imported (same content hash), or jobs fail on the first entity that does not.
/// </summary>
public sealed class StoredEntityRoundTripTests
{
    public static TheoryData<string> ListFiles => new()
    {
        "aspi-china-defence-universities.json",
        "ftm/us-dod-section-1286.ftm.jsonl",
        "ftm/us-dod-1260h.ftm.jsonl",
        "us-trade-csl-sample.csv",
    };

    [Theory]
    [MemberData(nameof(ListFiles))]
    public void ToJsonThenFromJson_EveryEntityOfARealList_KeepsItsContentHash(string file)
    {
        using var stream = File.OpenRead(Path.Combine(RepositoryPaths.SharedData, "watchlists", file));
        var imported = WatchlistImport.Import(stream, Path.GetFileName(file), ImportMode.Strict);
        Assert.False(imported.Rejected, imported.Report());

        foreach (var entity in imported.List!.Entities)
        {
            var back = ScreeningLists.FromJson(ScreeningLists.ToJson(entity), entity.ListId);
            Assert.Equal(entity.ContentHash, back.ContentHash);
            Assert.Equal(entity.Children.Count, back.Children.Count);
        }
    }
}
