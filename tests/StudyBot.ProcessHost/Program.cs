// A bot process for the multi-process tests: the real app (BotHost.Build, the real composition root, a real Kestrel)
// with a fake clock the test moves over standard input and publishers that report every post on standard output
// (HostProtocol). The arguments are the app's; ProcessHost:Start gives the clock's start.
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyBot;
using StudyBot.Core.Chat;
using StudyBot.ProcessHost;
using StudyBot.TestKit;

var start = new ConfigurationBuilder().AddCommandLine(args).Build()[HostProtocol.StartSetting]
    ?? throw new ArgumentException($"--{HostProtocol.StartSetting}=TIME is required.", nameof(args));
var time = new FakeTimeProvider(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
var control = new PublishControl();

// Standard output carries the protocol, so the app's console log goes to standard error.
await using var app = BotHost.Build([.. args, "--Logging:Console:LogToStandardErrorThreshold=Trace"], services =>
{
    services.AddSingleton<TimeProvider>(time);
    foreach (var registered in services.Where(d => d.ServiceType == typeof(IChannelPublisher)).ToList())
    {
        services.Remove(registered);
        services.AddSingleton<IChannelPublisher>(sp => new ReportingPublisher(Create(sp, registered), control, time));
    }
});

await app.StartAsync();
await control.ReportAsync(HostProtocol.Ready(app.Urls.First()));

// Standard input closes when the test ends (or its process dies): the host stops then.
while (await Console.In.ReadLineAsync() is { } line)
{
    if (line == HostProtocol.Hang)
    {
        control.HangFromNow();
    }
    else if (HostProtocol.TryParseAt(line, out var at))
    {
        time.SetUtcNow(at);
    }
    else
    {
        throw new InvalidOperationException($"Unknown command '{line}'.");
    }

    await Wait.UntilIdleAsync(app.Services);
    await control.ReportAsync(HostProtocol.Done(line));
}

await app.StopAsync();

static IChannelPublisher Create(IServiceProvider services, ServiceDescriptor registered) =>
    (IChannelPublisher)(registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
