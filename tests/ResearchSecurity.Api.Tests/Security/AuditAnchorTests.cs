using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Audit.Anchoring;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests.Security;

/// <summary>An API whose audit chain is anchored: a key pair and a digest folder of its own, outside the database.</summary>
public sealed class AnchoredApiFactory : ApiFactory
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("rs-anchor-").FullName;
    public string DigestDirectory => Path.Combine(Folder, "digests");
    public string PublicKeyPath => Path.Combine(Folder, "anchor.pub.pem");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Audit:Anchor:DigestDirectory", DigestDirectory);
        builder.UseSetting("Audit:Anchor:SigningKeyPath", Path.Combine(Folder, "anchor.key.pem"));
        builder.UseSetting("Audit:Anchor:VerificationKeyPath", PublicKeyPath);
        builder.UseSetting("Audit:Anchor:GenerateKeysIfMissing", "true");
    }

    /// <summary>What the worker's schedule (and every decision) does: sign the current head into the folder.</summary>
    public async Task AnchorAsync()
    {
        await Services.GetRequiredService<AuditObservationQueue>().FlushAsync();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnchorAuditChainJob>().RunAsync(CancellationToken.None);
    }

    public async Task<long> HeadAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>().AuditEvents.MaxAsync(e => e.Sequence);
    }
}

/// <summary>Deleting the newest events leaves a chain that still links; the signed digest says how long it was.</summary>
public sealed class AuditAnchorTailDeletionTests(AnchoredApiFactory api) : IClassFixture<AnchoredApiFactory>
{
    [Fact]
    public async Task DeletingTheNewestEventsAsSuperuser_PassesTheChainAlone_ButTheDigestsNameTheMissingRange()
    {
        await AuditTamper.SeedEventsAsync(api, 4);
        await api.AnchorAsync();
        var signedHead = await api.HeadAsync();
        var anchored = await AuditTamper.VerifyAsync(api);
        Assert.True(anchored.GetProperty("intact").GetBoolean(), anchored.ToString());
        Assert.Equal(1, anchored.GetProperty("digestsChecked").GetInt32());
        Assert.Equal(signedHead, anchored.GetProperty("anchoredThrough").GetInt64());

        // The verification above wrote one more event (unsigned); delete the signed head's last three events and everything after.
        await AuditTamper.ExecuteAsSuperuserAsync(api, $"DELETE FROM audit_events WHERE sequence > {signedHead - 3}");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            var chainAlone = await AuditChainVerifier.VerifyAsync(db, TimeProvider.System);
            Assert.True(chainAlone.Intact);   // what a chain without an outside anchor cannot see
        }

        var after = await AuditTamper.VerifyAsync(api);
        Assert.False(after.GetProperty("intact").GetBoolean());
        Assert.Equal(signedHead - 2, after.GetProperty("firstBrokenSequence").GetInt64());
        Assert.StartsWith($"Events {signedHead - 2}–{signedHead} are missing", after.GetProperty("problem").GetString());
    }
}

/// <summary>Rewriting every row and recomputing every hash passes the chain; the signed head hash does not match.</summary>
public sealed class AuditAnchorRewriteTests(AnchoredApiFactory api) : IClassFixture<AnchoredApiFactory>
{
    [Fact]
    public async Task RewritingTheWholeChainWithRecomputedHashes_PassesTheChainAlone_ButNotTheDigests()
    {
        await AuditTamper.SeedEventsAsync(api, 3);
        await api.AnchorAsync();
        var signedHead = await api.HeadAsync();

        // The insider's rewrite: an actor changed on event 2, every hash from there on recomputed and stored.
        await AuditTamper.ExecuteAsSuperuserAsync(api, "UPDATE audit_events SET actor_id = 'someone-else' WHERE sequence = 2");
        await RecomputeHashesAsync(api);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            Assert.True((await AuditChainVerifier.VerifyAsync(db, TimeProvider.System)).Intact);
        }

        var after = await AuditTamper.VerifyAsync(api);
        Assert.False(after.GetProperty("intact").GetBoolean());
        Assert.Equal(signedHead, after.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains("the chain was rewritten", after.GetProperty("problem").GetString());
    }

    /// <summary>Recomputes every event's link and hash in order, as someone with the database (but not the key) could.</summary>
    private static async Task RecomputeHashesAsync(ApiFactory api)
    {
        var rows = new List<(long Sequence, string Previous, string Hash)>();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            var previous = AuditEvent.GenesisHash;
            foreach (var evt in await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync())
            {
                db.Entry(evt).Property(nameof(AuditEvent.PreviousHash)).CurrentValue = previous;
                previous = evt.ComputeHash();
                rows.Add((evt.Sequence, evt.PreviousHash, previous));
            }
        }
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand("SET session_replication_role = replica", connection).ExecuteNonQueryAsync();
        foreach (var (sequence, prev, hash) in rows)
        {
            await using var update = new NpgsqlCommand("UPDATE audit_events SET previous_hash = $1, hash = $2 WHERE sequence = $3", connection)
                { Parameters = { new() { Value = prev }, new() { Value = hash }, new() { Value = sequence } } };
            await update.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Digests only count when the trusted key signed them.</summary>
public sealed class AuditAnchorForeignKeyTests(AnchoredApiFactory api) : IClassFixture<AnchoredApiFactory>
{
    [Fact]
    public async Task ADigestSignedByAnotherKey_IsRefused_EvenWhenTheChainIsIntact()
    {
        await AuditTamper.SeedEventsAsync(api, 2);
        await api.AnchorAsync();
        Assert.True((await AuditTamper.VerifyAsync(api)).GetProperty("intact").GetBoolean());

        // Someone places a digest of their own (for the real head, correctly formed) signed with a key of theirs.
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var head = await api.HeadAsync();
        string hash;
        await using (var scope = api.Services.CreateAsyncScope())
            hash = await scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>().AuditEvents.Where(e => e.Sequence == head).Select(e => e.Hash).SingleAsync();
        AuditDigestStore.Append(api.DigestDirectory, AuditDigest.Sign(head, hash, DateTimeOffset.UtcNow, other));

        var result = await AuditTamper.VerifyAsync(api);
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Contains("is not signed by the trusted key", result.GetProperty("problem").GetString());
        Assert.Contains(AuditAnchorKeys.KeyId(other), result.GetProperty("problem").GetString());
    }
}
