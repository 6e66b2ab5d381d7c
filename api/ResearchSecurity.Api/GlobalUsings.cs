// The namespaces nearly every endpoint file opens: the DbContext and EF, typed results, the API's own infrastructure,
// the OpenAPI contract declarations, the audit trail and request validation.
global using FluentValidation;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using ResearchSecurity.Api.Infrastructure;
global using ResearchSecurity.Api.Infrastructure.OpenApi;
global using ResearchSecurity.Core.Audit;
global using ResearchSecurity.Core.Data;
global using ResearchSecurity.Core.Notifications;
