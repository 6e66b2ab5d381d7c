using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Funding;

internal sealed class FundingSourceConfiguration : IEntityTypeConfiguration<FundingSource>
{
    public void Configure(EntityTypeBuilder<FundingSource> b)
    {
        b.Property(f => f.FunderName).HasMaxLength(500);
        b.Property(f => f.FunderNameNormalized).HasMaxLength(500);
        b.Property(f => f.Sponsor).HasMaxLength(500);
        b.Property(f => f.SponsorNormalized).HasMaxLength(500);
        b.Property(f => f.Payer).HasMaxLength(500);
        b.Property(f => f.PayerNormalized).HasMaxLength(500);
        b.Property(f => f.Country).HasMaxLength(2).IsFixedLength();
        b.Property(f => f.Amount).HasPrecision(18, 2);
        b.Property(f => f.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(f => f.InKindDescription).HasMaxLength(2000);
        b.Property(f => f.OwnerId).HasMaxLength(200);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasIndex(f => f.ProposalId);
        b.HasIndex(f => f.PersonId);
        b.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(f => f.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
