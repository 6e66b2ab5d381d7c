using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Risk;

internal sealed class RiskFlagConfiguration : IEntityTypeConfiguration<RiskFlag>
{
    public void Configure(EntityTypeBuilder<RiskFlag> b)
    {
        b.Property(f => f.Rule).HasMaxLength(60);
        b.Property(f => f.Key).HasMaxLength(600);
        b.Property(f => f.Title).HasMaxLength(2000);
        b.Property(f => f.Explanation).HasMaxLength(8000);
        b.Property(f => f.Evidence).HasColumnType("jsonb");
        b.Property(f => f.EvidenceHash).HasMaxLength(64);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.MinimumLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Decision).HasMaxLength(200);
        b.Property(f => f.DismissedBy).HasMaxLength(200);
        b.Property(f => f.DismissalReason).HasMaxLength(4000);
        b.Property(f => f.ReRaisedReason).HasMaxLength(500);
        b.HasIndex(f => new { f.ProposalId, f.Rule, f.Key }).IsUnique();
        b.HasOne<Proposal>().WithMany().HasForeignKey(f => f.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskPolicyVersionConfiguration : IEntityTypeConfiguration<RiskPolicyVersion>
{
    public void Configure(EntityTypeBuilder<RiskPolicyVersion> b)
    {
        b.Property(v => v.PolicyId).HasMaxLength(60);
        b.Property(v => v.Name).HasMaxLength(200);
        b.Property(v => v.Document).HasColumnType("text");
        b.Property(v => v.DocumentHash).HasMaxLength(64);
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.UploadedBy).HasMaxLength(200);
        b.Property(v => v.ActivatedBy).HasMaxLength(200);
        b.HasIndex(v => v.Number).IsUnique();
        b.HasIndex(v => v.DocumentHash);
        b.HasIndex(v => v.Status);
    }
}

internal sealed class ProposalRiskRecordConfiguration : IEntityTypeConfiguration<ProposalRiskRecord>
{
    public void Configure(EntityTypeBuilder<ProposalRiskRecord> b)
    {
        b.HasKey(r => r.ProposalId);
        b.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Factors).HasColumnType("jsonb");
        b.Property(r => r.PolicyId).HasMaxLength(60);
        b.Property(r => r.DecisionLabel).HasMaxLength(100);
        b.HasOne<Proposal>().WithOne().HasForeignKey<ProposalRiskRecord>(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartyKeyConfiguration : IEntityTypeConfiguration<PartyKey>
{
    public void Configure(EntityTypeBuilder<PartyKey> b)
    {
        b.Property(k => k.PartyType).HasMaxLength(40);
        b.Property(k => k.Kind).HasMaxLength(20);
        b.Property(k => k.Value).HasMaxLength(1000);
        b.Property(k => k.OrganisationKey).HasMaxLength(500);
        b.Property(k => k.OrganisationName).HasMaxLength(500);
        b.HasIndex(k => new { k.Kind, k.Value });
        b.HasIndex(k => k.ProposalId);
        b.HasOne<Proposal>().WithMany().HasForeignKey(k => k.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostApprovalChangeConfiguration : IEntityTypeConfiguration<PostApprovalChange>
{
    public void Configure(EntityTypeBuilder<PostApprovalChange> b)
    {
        b.Property(c => c.Part).HasMaxLength(20);
        b.Property(c => c.Action).HasMaxLength(20);
        b.Property(c => c.From).HasMaxLength(1000);
        b.Property(c => c.To).HasMaxLength(1000);
        b.HasIndex(c => c.ProposalId);
        b.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
