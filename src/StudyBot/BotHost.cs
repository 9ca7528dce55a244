using StudyBot.Teams;

namespace StudyBot;

/// <summary>The ASP.NET Core host: web chat, JSON API, platform endpoints, background services.</summary>
internal static class BotHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddTeams(builder.Configuration);
        var app = builder.Build();
        app.MapTeams();
        app.MapGet("/healthz", () => "ok");
        await app.RunAsync();
        return 0;
    }
}
