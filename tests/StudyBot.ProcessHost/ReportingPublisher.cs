using StudyBot.Core.Chat;

namespace StudyBot.ProcessHost;

/// <summary>
/// A platform's publisher that reports every post the platform received (<see cref="HostProtocol.Posted"/>) and, once
/// told to hang, hangs in every publish before reaching the platform: a process killed then dies mid-publish, holding
/// its claim.
/// </summary>
internal sealed class ReportingPublisher(IChannelPublisher platform, PublishControl control, TimeProvider time) : IChannelPublisher
{
    public string Platform => platform.Platform;

    public async Task<string> PostAsync(string channelId, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (control.Hanging is { } hang)
        {
            await control.ReportAsync(HostProtocol.Hung(idempotencyKey));
            await hang.WaitAsync(cancellationToken);
        }

        var id = await platform.PostAsync(channelId, reply, idempotencyKey, cancellationToken);
        await control.ReportAsync(HostProtocol.Posted(new HostPost(Platform, channelId, idempotencyKey, time.GetUtcNow(), Web.ReplyDto.From(reply))));
        return id;
    }
}

/// <summary>What the test controls in every <see cref="ReportingPublisher"/> of the process, and where they report.</summary>
internal sealed class PublishControl
{
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _hanging;

    /// <summary>A task that never completes once <see cref="HangFromNow"/> was called; null before.</summary>
    public Task? Hanging => _hanging ? _never.Task : null;

    public void HangFromNow() => _hanging = true;

    /// <summary>Writes a protocol line to standard output (synchronised: whole lines, in the order written).</summary>
    public Task ReportAsync(string line) => Console.Out.WriteLineAsync(line);
}
