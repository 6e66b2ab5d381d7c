using ResearchSecurity.Screening.Import;
using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Tests.Support;

/// <summary>One engine over the three development lists (ASPI tracker, §1286, §1260H), shared by a test collection.</summary>
public sealed class EngineFixture : IDisposable
{
    public static readonly string[] ListFiles =
    [
        "aspi-china-defence-universities.json",
        "ftm/us-dod-section-1286.ftm.jsonl",
        "ftm/us-dod-1260h.ftm.jsonl",
    ];

    public IReadOnlyList<Watchlist> Lists { get; }
    public ScreeningEngine Engine { get; }

    public EngineFixture()
    {
        Lists = ListFiles.Select(f =>
        {
            using var s = File.OpenRead(SharedData.Watchlist(f));
            var result = WatchlistImport.Import(s, Path.GetFileName(f), ImportMode.Strict);
            return result.List ?? throw new InvalidOperationException(result.Report());
        }).ToList();
        Engine = ScreeningEngine.Build(Lists, new ScreeningOptions());
    }

    public void Dispose() => Engine.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine over development lists";
}
