using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Reviews;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> b)
    {
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.RiskAtDecision).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.Rationale).HasMaxLength(8000);
        b.Property(d => d.DecidedBy).HasMaxLength(200);
        b.Property(d => d.ConfirmedBy).HasMaxLength(200);
        b.HasIndex(d => d.ProposalId);
        b.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Conditions).WithOne().HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Conditions).AutoInclude();
    }
}

internal sealed class MitigationConditionConfiguration : IEntityTypeConfiguration<MitigationCondition>
{
    public void Configure(EntityTypeBuilder<MitigationCondition> b)
    {
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Owner).HasMaxLength(200);
    }
}

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> b)
    {
        b.Property(r => r.Question).HasMaxLength(4000);
        b.Property(r => r.Answer).HasMaxLength(8000);
        b.Property(r => r.AskedBy).HasMaxLength(200);
        b.Property(r => r.AnsweredBy).HasMaxLength(200);
        b.HasIndex(r => r.ProposalId);
        b.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Restrict);
    }
}
