using ResearchSecurity.Screening.Import;
using ResearchSecurity.Screening.Tests.Support;

namespace ResearchSecurity.Screening.Tests.Import;

public sealed class MispGalaxyImporterTests
{
    private const string Cluster = """
        {"name":"Test Tracker","type":"test-tracker","values":[
          {"value":"Example Institute of Technology (示例理工大学)","uuid":"u-1","meta":{"aliases":["示例理工","EIT"],
            "subsidiaries":["Example Radar Co., Ltd. (示例雷达有限公司)"],"major defence laboratories":["National Key Laboratory of Example Sensing"],
            "categories":["Seven sons"],"address":"1 Road, Example City, China"}},
          {"uuid":"u-2","meta":{"aliases":["no value here"]}},
          "not an object"
        ]}
        """;

    [Fact]
    public void Import_ValidEntry_MakesChildNamesAndAliases()
    {
        var result = MispGalaxyImporter.Import(Streams.Utf8(Cluster), "t.json", ImportMode.Lenient);
        Assert.Equal("test-tracker", result.List!.ListId);
        var e = Assert.Single(result.List.Entities);
        Assert.Equal("Example Institute of Technology (示例理工大学)", e.Name);
        Assert.Contains("示例理工", e.Aliases);
        Assert.Equal(["EIT"], e.WeakAliases);
        Assert.Equal(["cn"], e.Countries);
        Assert.Contains(e.Children, c => c.Name == "Example Radar Co., Ltd." && c.Path == "subsidiaries" && c.Aliases.Contains("示例雷达有限公司"));
        Assert.Contains(e.Children, c => c.Path == "major defence laboratories");
    }

    [Fact]
    public void Import_EntriesWithoutValueStrict_RejectsWithReport()
    {
        var result = MispGalaxyImporter.Import(Streams.Utf8(Cluster), "t.json", ImportMode.Strict);
        Assert.True(result.Rejected);
        Assert.Contains(result.Errors, e => e.Row == 2 && e.Field == "value");
        Assert.Contains(result.Errors, e => e.Row == 3);
    }

    [Fact]
    public void Import_BrokenJson_RejectsWithReason()
    {
        var result = MispGalaxyImporter.Import(Streams.Utf8("{\"type\":\"x\",\"values\":[{\"value\":"), "t.json", ImportMode.Lenient);
        Assert.True(result.Rejected);
        Assert.StartsWith("invalid JSON", Assert.Single(result.Errors).Reason);
    }
}
