using ResearchSecurity.Screening.Import;
using ResearchSecurity.Screening.Tests.Support;

namespace ResearchSecurity.Screening.Tests.Import;

public sealed class WatchlistImportTests
{
    [Theory]
    [InlineData("aspi-china-defence-universities.json", "china-defence-universities", "misp-galaxy", 159)]
    [InlineData("ftm/us-dod-section-1286.ftm.jsonl", "us_dod_section_1286", "ftm-jsonl", 191)]
    [InlineData("ftm/us-dod-1260h.ftm.jsonl", "us_dod_chinese_milcorps", "ftm-jsonl", 230)]
    [InlineData("us-trade-csl-sample.csv", "us_trade_csl", "trade-gov-csl", 115)]
    public void Import_RealListFile_DetectsFormatAndListId(string file, string listId, string format, int entities)
    {
        using var s = File.OpenRead(SharedData.Watchlist(file));
        var result = WatchlistImport.Import(s, Path.GetFileName(file), ImportMode.Strict);
        Assert.False(result.Rejected, result.Report());
        Assert.Equal(listId, result.List!.ListId);
        Assert.Equal(format, result.List.Format);
        Assert.Equal(entities, result.List.Entities.Count);
    }

    [Fact]
    public void Import_RealFtmList_CarriesListingPeriods()
    {
        using var s = File.OpenRead(SharedData.Watchlist("ftm/us-dod-1260h.ftm.jsonl"));
        var list = WatchlistImport.Import(s, "us-dod-1260h.ftm.jsonl").List!;
        Assert.Contains(list.Entities, e => e.Periods.Any(p => p.End is not null));
        Assert.Contains(list.Entities, e => e.ParentId is not null);
    }

    [Fact]
    public void Import_NonSeekableUploadWithoutExtension_SniffsJsonLines()
    {
        var text = """{"id":"a","schema":"Organization","properties":{"name":["Alpha Institute"]},"datasets":["up"]}""";
        using var s = new NonSeekable(Streams.Utf8(text));
        var result = WatchlistImport.Import(s, "upload", ImportMode.Strict);
        Assert.Equal("up", result.List!.ListId);
    }

    [Fact]
    public void Import_UnknownFormat_RejectsWithReason()
    {
        var result = WatchlistImport.Import(Streams.Utf8("plain words"), "list.pdf", ImportMode.Lenient);
        Assert.True(result.Rejected);
        Assert.Contains("unknown list format", Assert.Single(result.Errors).Reason);
    }

    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
