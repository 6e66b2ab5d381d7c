using ResearchSecurity.Cli;

if (args.Length > 0 && CliVerbs.TryGet(args[0], out var verb))
{
    return await verb(args[1..]);
}

Console.Error.WriteLine($"usage: ResearchSecurity.Cli <verb> [options]   verbs: {string.Join(", ", CliVerbs.Names)}");
return 2;
