using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.ApproachReports;

internal sealed class ApproachReportConfiguration : IEntityTypeConfiguration<ApproachReport>
{
    public void Configure(EntityTypeBuilder<ApproachReport> b)
    {
        b.Property(r => r.OwnerId).HasMaxLength(200);
        b.Property(r => r.ApproacherName).HasMaxLength(300);
        b.Property(r => r.ApproacherOrganisation).HasMaxLength(500);
        b.Property(r => r.ApproacherEmail).HasMaxLength(320);
        b.Property(r => r.ApproacherPhone).HasMaxLength(50);
        b.Property(r => r.Country).HasMaxLength(2);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Description).HasMaxLength(8000);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.OutcomeNote).HasMaxLength(4000);
        b.Property(r => r.TriagedBy).HasMaxLength(200);
        b.Property(r => r.ClosedBy).HasMaxLength(200);
        b.Property(r => r.OrganisationKey).HasMaxLength(500);
        b.Property(r => r.PersonKey).HasMaxLength(300);
        b.Property(r => r.EmailKey).HasMaxLength(320);
        b.Property(r => r.EmailDomainKey).HasMaxLength(255);
        b.Property(r => r.PhoneKey).HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.OwnerId);
        b.HasIndex(r => r.Status);
        // The risk rules look a party up by each of its normal forms.
        b.HasIndex(r => r.OrganisationKey);
        b.HasIndex(r => r.PersonKey);
        b.HasIndex(r => r.EmailKey);
        b.HasIndex(r => r.EmailDomainKey);
        b.HasIndex(r => r.PhoneKey);
    }
}
