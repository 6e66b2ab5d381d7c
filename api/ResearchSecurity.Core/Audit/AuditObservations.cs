using System.ComponentModel.DataAnnotations;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Audit;

/// <summary>Section "Audit:Observations": how read observations leave the request path.</summary>
public sealed class AuditObservationOptions
{
    public const string Section = "Audit:Observations";

    /// <summary>Observations waiting to be written; when full, a request writes its own observation synchronously.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>At most this many observations are appended to the chain in one transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}

/// <summary>Who did it, taken when the request made the observation (the request is gone when the batch is written).</summary>
public sealed record CapturedAuditContext(string ActorId, string ActorKind, string? JobId, string? CorrelationId, string? ClientAddress) : IAuditContext
{
    public static CapturedAuditContext Of(IAuditContext context) =>
        new(context.ActorId, context.ActorKind, context.JobId, context.CorrelationId, context.ClientAddress);
}

public sealed record PendingObservation(AuditEvent Event, CapturedAuditContext Context);

/// <summary>
/// Read observations (a page viewed, a refusal, an export) do not change any record, so a request need not wait for the
/// audit chain's lock to write them: it queues them here and <see cref="AuditObservationWriter"/> appends them in batches,
/// one chain lock per batch. Changes never come here — they keep writing their events in their own transaction. What
/// is queued is written before the host stops; a crash can lose the observations of the last moments, never a change.
/// Readers of the trail (the audit list, verification, exports, the dossier) call <see cref="FlushAsync"/> first, so
/// they see every observation made before they asked.
/// </summary>
public sealed class AuditObservationQueue(IOptions<AuditObservationOptions> options)
{
    private readonly Channel<PendingObservation> _channel = Channel.CreateBounded<PendingObservation>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private long _queued;
    private long _written;

    internal ChannelReader<PendingObservation> Reader => _channel.Reader;

    /// <summary>Queues all or none of <paramref name="events"/>; false when the queue is full (write them synchronously).</summary>
    public bool TryQueue(IReadOnlyList<AuditEvent> events, IAuditContext context)
    {
        var captured = CapturedAuditContext.Of(context);
        lock (_channel)
        {
            if (_channel.Reader.CanCount && options.Value.QueueCapacity - _channel.Reader.Count < events.Count) return false;
            foreach (var e in events)
                if (!_channel.Writer.TryWrite(new PendingObservation(e, captured))) return false;
            _queued += events.Count;
        }
        return true;
    }

    internal void MarkWritten(int count) => Interlocked.Add(ref _written, count);

    /// <summary>Waits until every observation queued before the call is in the database.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _written) < target) await Task.Delay(2, ct);
    }
}

/// <summary>Drains <see cref="AuditObservationQueue"/> into the audit chain, a batch per transaction.</summary>
public sealed class AuditObservationWriter(AuditObservationQueue queue, IServiceScopeFactory scopes, IOptions<AuditObservationOptions> options,
    ILogger<AuditObservationWriter> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingObservation>(options.Value.BatchSize);
        // Keep draining after a stop request until the queue is empty: observations are not dropped on shutdown.
        while (await WaitAsync(stoppingToken))
        {
            while (batch.Count < options.Value.BatchSize && queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
                await db.AppendObservationsAsync(batch, CancellationToken.None);
                queue.MarkWritten(batch.Count);
                batch.Clear();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is away: keep the batch and try again shortly rather than lose the observations.
                log.LogError(e, "Could not append {Count} audit observations; retrying", batch.Count);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private async Task<bool> WaitAsync(CancellationToken stoppingToken)
    {
        if (queue.Reader.TryPeek(out _)) return true;
        if (stoppingToken.IsCancellationRequested) return false;
        try { return await queue.Reader.WaitToReadAsync(stoppingToken); }
        catch (OperationCanceledException) { return queue.Reader.TryPeek(out _); }
    }
}

public static class AuditObservationSetup
{
    /// <summary>Read observations leave the request path (hosts that serve requests: the API).</summary>
    public static IServiceCollection AddQueuedAuditObservations(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<AuditObservationOptions>().Bind(configuration.GetSection(AuditObservationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditObservationQueue>();
        services.AddHostedService<AuditObservationWriter>();
        return services;
    }
}
