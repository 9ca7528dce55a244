using StudyBot.Discord;

namespace StudyBot;

/// <summary>The ASP.NET Core host: web chat, JSON API, platform endpoints, background services.</summary>
internal static class BotHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDiscord(builder.Configuration);
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapDiscord();
        await app.RunAsync();
        return 0;
    }
}
