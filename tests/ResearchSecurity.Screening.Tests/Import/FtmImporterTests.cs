using ResearchSecurity.Screening.Import;
using ResearchSecurity.Screening.Tests.Support;

namespace ResearchSecurity.Screening.Tests.Import;

public sealed class FtmImporterTests
{
    private const string Good = """
        {"id":"x-1","schema":"Company","properties":{"name":["Acme Radar Works Co., Ltd."],"alias":["Acme Radar"],"weakAlias":["ARW"],"country":["CN"]},"datasets":["test_list"]}
        {"id":"x-2","schema":"Company","properties":{"name":["Acme Radar Works Shanghai Branch"]},"datasets":["test_list"]}
        {"id":"x-s1","schema":"Sanction","properties":{"entity":["x-1"],"program":["P"],"startDate":["2021-06-03"],"endDate":["2023-01-01"]},"datasets":["test_list"]}
        {"id":"x-o1","schema":"Ownership","properties":{"owner":["x-1"],"asset":["x-2"]},"datasets":["test_list"]}
        """;

    private const string Bad = """
        {"id":"x-3","schema":"Company","properties":{"alias":["nameless"]},"datasets":["test_list"]}
        {"id":"x-4", "schema": "Company", "properties": {
        {"id":"x-s2","schema":"Sanction","properties":{"entity":["x-1"],"startDate":["someday"]},"datasets":["test_list"]}
        {"id":"x-o2","schema":"Ownership","properties":{"owner":["x-1"],"asset":["x-missing"]},"datasets":["test_list"]}
        """;

    [Fact]
    public void Import_WellFormedLines_AttachesPeriodsAndParents()
    {
        var result = FtmImporter.Import(Streams.Utf8(Good), "test.ftm.jsonl", ImportMode.Strict);
        Assert.False(result.Rejected);
        Assert.Equal("test_list", result.List!.ListId);
        var acme = result.List.Entities.Single(e => e.EntityId == "x-1");
        Assert.Equal("Acme Radar Works Co., Ltd.", acme.Name);
        Assert.Equal(["ARW"], acme.WeakAliases);
        Assert.Equal(["cn"], acme.Countries);
        var period = Assert.Single(acme.Periods);
        Assert.Equal(new DateOnly(2021, 6, 3), period.Start);
        Assert.Equal(new DateOnly(2023, 1, 1), period.End);
        Assert.Equal("x-1", result.List.Entities.Single(e => e.EntityId == "x-2").ParentId);
    }

    [Fact]
    public void Import_MalformedLinesStrict_RejectsWithLineReport()
    {
        var result = FtmImporter.Import(Streams.Utf8(Good + "\n" + Bad), "test.ftm.jsonl", ImportMode.Strict);
        Assert.True(result.Rejected);
        Assert.Contains(result.Errors, e => e.Row == 5 && e.Field == "name");
        Assert.Contains(result.Errors, e => e.Row == 6 && e.Reason.StartsWith("invalid JSON", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Row == 7 && e.Field == "startDate");
        Assert.Contains(result.Errors, e => e.Row == 8 && e.Reason.Contains("x-missing", StringComparison.Ordinal));
        Assert.StartsWith("rejected: 4 error(s)", result.Report());
    }

    [Fact]
    public void Import_MalformedLinesLenient_KeepsGoodEntities()
    {
        var result = FtmImporter.Import(Streams.Utf8(Good + "\n" + Bad), "test.ftm.jsonl", ImportMode.Lenient);
        Assert.False(result.Rejected);
        Assert.Equal(["x-1", "x-2"], result.List!.Entities.Select(e => e.EntityId));
        Assert.Equal(4, result.Errors.Count);
    }
}
