using ResearchSecurity.Screening.Index;

namespace ResearchSecurity.Screening.Tests.Index;

/// <summary>Behaviour any <see cref="ICandidateIndex"/> backend must show (Lucene here; Elasticsearch later).</summary>
public sealed class LuceneCandidateIndexTests
{
    private static ICandidateIndex Build()
    {
        var index = new LuceneCandidateIndex();
        index.Build(
        [
            new IndexedName(10, ["harbin", "engineering", "university", "harbin_engineering", "engineering_university"]),
            new IndexedName(11, ["harbin", "institute", "technology", "harbin_institute", "institute_technology"]),
            new IndexedName(12, ["tianjin", "university", "tianjin_university"]),
        ]);
        return index;
    }

    [Fact]
    public void Search_SharedRareWords_RanksBestNameFirst()
    {
        using var index = Build();
        var ids = index.Search(["harbin", "engineering", "university", "harbin_engineering"], 10);
        Assert.Equal(10, ids[0]);
        Assert.DoesNotContain(-1, ids);
    }

    [Fact]
    public void Search_NoSharedWord_ReturnsNothing()
    {
        using var index = Build();
        Assert.Empty(index.Search(["northwestern", "polytechnic"], 10));
    }

    [Fact]
    public void Search_MaxCandidates_LimitsResult()
    {
        using var index = Build();
        Assert.Single(index.Search(["university", "harbin", "tianjin"], 1));
    }

    [Fact]
    public void Search_BeforeBuild_Throws()
    {
        using var index = new LuceneCandidateIndex();
        Assert.Throws<InvalidOperationException>(() => index.Search(["x"], 1));
    }
}
