using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Funding;
using ResearchSecurity.Core.Idempotency;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.People;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reference;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Core.Data;

public sealed class ResearchSecurityDbContext(
    DbContextOptions<ResearchSecurityDbContext> options, IAuditContext auditContext, TimeProvider clock,
    AuditObservationQueue? observations = null)
    : DbContext(options)
{
    // Any constant works; it only has to be the same for every writer of the audit chain.
    private const long AuditChainLockKey = 0x5253_4155_4449_54;

    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<PartnerOrganisation> PartnerOrganisations => Set<PartnerOrganisation>();
    public DbSet<ProposalMember> ProposalMembers => Set<ProposalMember>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Affiliation> Affiliations => Set<Affiliation>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<TalentProgramParticipation> TalentPrograms => Set<TalentProgramParticipation>();
    public DbSet<FundingSource> FundingSources => Set<FundingSource>();
    public DbSet<TechnologyArea> TechnologyAreas => Set<TechnologyArea>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Watchlist> Watchlists => Set<Watchlist>();
    public DbSet<ListVersion> ListVersions => Set<ListVersion>();
    public DbSet<ListedEntity> ListedEntities => Set<ListedEntity>();
    public DbSet<ScreeningRun> ScreeningRuns => Set<ScreeningRun>();
    public DbSet<ScreeningHit> ScreeningHits => Set<ScreeningHit>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();
    public DbSet<JobProgress> JobProgress => Set<JobProgress>();
    public DbSet<Risk.RiskFlag> RiskFlags => Set<Risk.RiskFlag>();
    public DbSet<Risk.RiskPolicyVersion> RiskPolicyVersions => Set<Risk.RiskPolicyVersion>();
    public DbSet<Risk.ProposalRiskRecord> ProposalRiskRecords => Set<Risk.ProposalRiskRecord>();
    public DbSet<Risk.PartyKey> PartyKeys => Set<Risk.PartyKey>();
    public DbSet<Risk.PostApprovalChange> PostApprovalChanges => Set<Risk.PostApprovalChange>();
    public DbSet<ApproachReports.ApproachReport> ApproachReports => Set<ApproachReports.ApproachReport>();
    public DbSet<Notifications.NotificationEvent> NotificationEvents => Set<Notifications.NotificationEvent>();
    public DbSet<Notifications.NotificationPreference> NotificationPreferences => Set<Notifications.NotificationPreference>();
    public DbSet<Notifications.EmailMessage> EmailMessages => Set<Notifications.EmailMessage>();
    public DbSet<Notifications.WebhookSubscription> WebhookSubscriptions => Set<Notifications.WebhookSubscription>();
    public DbSet<Notifications.WebhookDelivery> WebhookDeliveries => Set<Notifications.WebhookDelivery>();

    public TimeProvider Clock => clock;

    /// <summary>Queues an audit event; it is written by the same SaveChangesAsync as the change it describes.</summary>
    public void Audit(AuditEventType type, string subjectType, Guid? subjectId, Guid? proposalId, string? changesJson = null, string? reason = null) =>
        AuditEvents.Add(new AuditEvent(type, subjectType, subjectId, proposalId, changesJson, reason));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ResearchSecurityDbContext).Assembly);
        // Ids are made in C# (version-7 GUIDs). Marking them never-generated lets EF tell a child added to a loaded
        // collection (Added) from an existing one, instead of issuing an UPDATE for a row that does not exist.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(t => typeof(Common.Entity).IsAssignableFrom(t.ClrType)))
            modelBuilder.Entity(entity.ClrType).Property(nameof(Common.Entity.Id)).ValueGeneratedNever();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: audit sealing needs an async transaction.");

    /// <summary>
    /// Saves the change and its audit events atomically, in one transaction. The records are written first; only then
    /// is a transaction-scoped advisory lock taken to append the audit events, so the serialised part (read the chain
    /// head, insert the events, commit) is as short as possible while sequence numbers and hash links never fork.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Common.ResearchSecurityVersioning.RaiseVersions(ChangeTracker);
        var pending = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null;
        var observationOnly = ownTransaction && pending.All(e => AuditEventKinds.Observations.Contains(e.EventType))
            && !ChangeTracker.Entries().Any(e => e.Entity is not AuditEvent && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        // A read that changed nothing: the request hands its observation to the writer and does not wait for the chain.
        if (observationOnly && observations is not null && observations.TryQueue(pending, auditContext))
        {
            foreach (var evt in pending) Entry(evt).State = EntityState.Detached;
            return 0;
        }
        var transaction = Database.CurrentTransaction ?? await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // A read's audit event alone is committed without waiting for the WAL flush, so the chain lock is not held
            // through a disk write on every page view. A crash can lose at most the last fraction of a second of such
            // events; WAL is replayed in order and any later synchronous commit flushes them first, so the chain never
            // keeps a change while losing an earlier read, and changes themselves still commit synchronously.
            if (observationOnly) await Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", cancellationToken);
            foreach (var evt in pending) Entry(evt).State = EntityState.Detached;
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);

            await SealIntoChainAsync(pending.Select(evt => (evt, auditContext)), cancellationToken);
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (ownTransaction) await transaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction) await transaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Appends queued read observations to the chain in one transaction (see <see cref="AuditObservationQueue"/>): one
    /// lock, one head read and one insert batch for the lot, committed without waiting for the WAL flush like any read's
    /// event. Each event keeps the actor captured when the request made it.
    /// </summary>
    internal async Task AppendObservationsAsync(IReadOnlyList<PendingObservation> batch, CancellationToken ct)
    {
        await using var transaction = await Database.BeginTransactionAsync(ct);
        await Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
        await SealIntoChainAsync(batch.Select(p => (p.Event, (IAuditContext)p.Context)), ct);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Takes the chain's lock (held to the end of the transaction), reads the head and seals each event after it in order,
    /// so sequence numbers and hash links never fork; the events are then added for the caller's save.
    /// </summary>
    private async Task SealIntoChainAsync(IEnumerable<(AuditEvent Event, IAuditContext Context)> events, CancellationToken ct)
    {
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", ct);
        var last = await AuditEvents.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditEvent.GenesisHash;
        var now = clock.GetUtcNow();
        foreach (var (evt, context) in events)
        {
            evt.Seal(++sequence, previous, now, context);
            previous = evt.Hash;
            Entry(evt).State = EntityState.Added;
        }
    }
}
