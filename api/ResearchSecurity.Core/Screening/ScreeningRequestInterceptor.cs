using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Funding;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.People;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Screening;

/// <summary>
/// The screening outbox. When a save adds, changes or removes a name-bearing field of a record (partner, affiliation,
/// talent program, visit, person, funding source), or submits a proposal, the same save writes a pending
/// <see cref="ScreeningRun"/> for exactly those subjects; after the commit a delayed job is scheduled per new run.
/// A subject that already has a pending run gets no second one (coalescing: a burst of edits makes one job), and the
/// pending row is read FOR SHARE so a worker cannot start that run before this edit commits. A save with more runs than
/// <see cref="JobsOptions.ScreeningBatchSize"/> schedules them in batches (<see cref="ScreenRunBatchJob"/>). If the process dies
/// between commit and scheduling, <see cref="ScreeningSweepJob"/> finds the pending run and schedules it.
/// </summary>
public sealed class ScreeningRequestInterceptor(IBackgroundJobClient jobs, IOptions<JobsOptions> options)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly List<Guid> _toSchedule = [];

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ResearchSecurityDbContext db) await RequestAsync(db, cancellationToken);
        return result;
    }

    // Jobs are scheduled only once the rows are committed: right after the save, or when its transaction commits.
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Schedule();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Schedule();
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        _toSchedule.Clear();
        return Task.CompletedTask;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) _toSchedule.Clear();
        return Task.CompletedTask;
    }

    private void Schedule()
    {
        var batch = options.Value.ScreeningBatchSize;
        if (_toSchedule.Count > batch)
            // Thousands of runs from one save (a bulk import): each schedule is a round trip to the job store, so they go in batches.
            foreach (var chunk in _toSchedule.Chunk(batch))
                jobs.Schedule<ScreenRunBatchJob>(j => j.RunAsync(chunk, null, CancellationToken.None), options.Value.CoalesceDelay);
        else
            foreach (var runId in _toSchedule)
                jobs.Schedule<ScreenSubjectJob>(j => j.RunAsync(runId, null, CancellationToken.None), options.Value.CoalesceDelay);
        _toSchedule.Clear();
    }

    private async Task RequestAsync(ResearchSecurityDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var wanted = new Dictionary<SubjectKey, (Guid? ProposalId, Guid? PersonId)>();
        var submitted = new List<Guid>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case PartnerOrganisation p when Changed(entry, nameof(p.Name), nameof(p.Address), nameof(p.Country)):
                    wanted[new(SubjectTypes.Partner, p.Id)] = (p.ProposalId, null);
                    break;
                case Affiliation a when Changed(entry, nameof(a.OrganisationName), nameof(a.Country)):
                    wanted[new(SubjectTypes.Affiliation, a.Id)] = (null, a.PersonId);
                    break;
                case TalentProgramParticipation t when Changed(entry, nameof(t.ProgramName), nameof(t.Sponsor)):
                    wanted[new(SubjectTypes.TalentProgram, t.Id)] = (null, t.PersonId);
                    break;
                case Visit v when Changed(entry, nameof(v.Sponsor), nameof(v.ProposalId)):
                    wanted[new(SubjectTypes.Visit, v.Id)] = (v.ProposalId, v.PersonId);
                    break;
                case Person p when Changed(entry, nameof(p.EmailDomain)) || DeclarationsChanged(entry):
                    wanted[new(SubjectTypes.Person, p.Id)] = (null, p.Id);
                    break;
                case FundingSource f when Changed(entry, nameof(f.FunderName), nameof(f.Sponsor), nameof(f.Payer), nameof(f.Country),
                    nameof(f.ProposalId), nameof(f.PersonId)):
                    wanted[new(SubjectTypes.FundingSource, f.Id)] = (f.ProposalId, f.PersonId);
                    break;
                // A change of status re-runs the report's screening too: that job re-assesses the proposals naming the party,
                // so a report closed as of no concern stops counting as evidence (and one re-opened starts again).
                case ApproachReports.ApproachReport r when Changed(entry, nameof(r.ApproacherOrganisation), nameof(r.ApproacherName), nameof(r.Country),
                    nameof(r.Status)):
                    wanted[new(SubjectTypes.ApproachReport, r.Id)] = (null, null);
                    break;
                case Proposal p when entry.State == EntityState.Modified && entry.Property(nameof(p.Status)).IsModified && p.Status == ProposalStatus.Submitted:
                    submitted.Add(p.Id);
                    break;
            }
        }
        // A submitted proposal is screened whole, against the lists in force at submission.
        foreach (var proposalId in submitted)
            foreach (var (key, proposal, person) in await SubjectCatalog.OfProposalAsync(db, proposalId, ct))
                wanted.TryAdd(key, (proposal, person));
        if (wanted.Count == 0) return;

        var ids = wanted.Keys.Select(k => k.Id).ToArray();
        var alreadyPending = new HashSet<Guid>(db.ChangeTracker.Entries<ScreeningRun>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity.SubjectId));
        if (db.Database.CurrentTransaction is not null)
            alreadyPending.UnionWith(await db.Database.SqlQuery<Guid>(
                $"SELECT subject_id AS \"Value\" FROM screening_runs WHERE outcome = 'Pending' AND subject_id = ANY({ids}) FOR SHARE").ToListAsync(ct));
        var now = db.Clock.GetUtcNow();
        foreach (var (key, owner) in wanted)
        {
            if (alreadyPending.Contains(key.Id)) continue;
            var run = ScreeningRun.Queue(key.Type, key.Id, owner.ProposalId, now, owner.PersonId);
            db.ScreeningRuns.Add(run);
            _toSchedule.Add(run.Id);
        }
    }

    private static bool Changed(EntityEntry entry, params string[] properties) => entry.State switch
    {
        EntityState.Added or EntityState.Deleted => true,
        EntityState.Modified => properties.Any(p => entry.Property(p).IsModified),
        _ => false,
    };

    private static bool DeclarationsChanged(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.ComplexProperty(nameof(Person.Declarations)).Property(nameof(Declarations.ForeignFundingDetails)).IsModified;
}
