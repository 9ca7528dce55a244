using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Teams;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>Teams is off without settings and refuses to start with half of them.</summary>
public class TeamsConfigurationTests
{
    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTeams(builder.Configuration);
        var app = builder.Build();
        app.MapTeams();
        return app;
    }

    [Fact]
    public async Task Start_PartialSettings_StopsNamingWhatIsMissing()
    {
        await using var app = Build(new() { ["Teams:AppId"] = "6f1f7a3e-2b8c-4d5e-9f10-1a2b3c4d5e6f" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Teams:TenantId", error.Message);
        Assert.Contains("Teams:ClientSecret", error.Message);
    }

    [Fact]
    public async Task Start_NoSettings_TeamsIsOff()
    {
        await using var app = Build([]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var response = await client.PostAsync("/api/messages", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(app.Services.GetServices<IChannelPublisher>(), p => p.Platform == Platforms.Teams);
        await app.StopAsync();
    }
}
