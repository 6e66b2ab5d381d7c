using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Notifications;

internal sealed class NotificationEventConfiguration : IEntityTypeConfiguration<NotificationEvent>
{
    public void Configure(EntityTypeBuilder<NotificationEvent> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.RecipientUserId).HasMaxLength(200);
        b.Property(e => e.RecipientRole).HasMaxLength(40);
        // The sweep looks for rows not yet dispatched.
        b.HasIndex(e => e.DispatchedAt);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.Property(p => p.UserId).HasMaxLength(200);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(p => new { p.UserId, p.Kind }).IsUnique();
    }
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.Property(m => m.UserId).HasMaxLength(200);
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Body).HasMaxLength(20000);
        b.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.EventId, m.UserId }).IsUnique();
        b.HasIndex(m => new { m.State, m.UserId });
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Url).HasMaxLength(2000);
        b.Property(s => s.Secret).HasMaxLength(100);
        b.Property(s => s.CreatedBy).HasMaxLength(200);
        b.PrimitiveCollection(s => s.Kinds).ElementType().HasConversion<string>();
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(d => d.Body).HasMaxLength(8000);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.LastError).HasMaxLength(2000);
        b.HasIndex(d => new { d.EventId, d.SubscriptionId }).IsUnique();
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
