using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Hosting;

namespace StudyBot.Web;

/// <summary>DI and endpoint wiring for the local web chat.</summary>
internal static class WebChatServiceCollectionExtensions
{
    /// <summary>The web chat options, the admin token, the "web" channel publisher and the JSON shape.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddOptions<WebChatOptions>()
            .BindConfiguration(WebChatOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>());
        services.AddSingleton<AdminToken>();
        services.AddSingleton<WebChatAccess>();
        services.AddMigrations(WebChatMigrations.All);
        services.AddSingleton<WebChannelPublisher>();
        services.AddSingleton<IChannelPublisher>(sp => sp.GetRequiredService<WebChannelPublisher>());
        services.ConfigureHttpJsonOptions(o => WebJson.Configure(o.SerializerOptions));
        return services;
    }

    /// <summary>The page at <c>/</c> (embedded wwwroot), <c>/api/*</c> and <c>/healthz</c>.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        var files = new WebPageFiles(new EmbeddedFileProvider(typeof(WebChatServiceCollectionExtensions).Assembly, "StudyBot.wwwroot"));
        app.Use((context, next) =>
        {
            // The page only loads its own script and styles; replies are rendered from escaped text.
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetRequiredService<WebChatAccess>().Check(context) is { } refused)
            {
                await refused.ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapChatApi();
        app.MapNoteImages();

        return app;
    }
}
