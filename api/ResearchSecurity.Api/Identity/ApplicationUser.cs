using Microsoft.AspNetCore.Identity;

namespace ResearchSecurity.Api.Identity;

/// <summary>A person who signs in. Its id is the <c>sub</c> of their tokens and the owner id on records.</summary>
public sealed class ApplicationUser : IdentityUser;
