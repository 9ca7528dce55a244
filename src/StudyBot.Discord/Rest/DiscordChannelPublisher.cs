using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Discord.Payloads;
using StudyBot.Discord.Rendering;

namespace StudyBot.Discord.Rest;

/// <summary>
/// Posts to Discord channels (the daily quiz, its reveal). Each logical post is stored as pending before it is sent
/// and marked sent with Discord's message id after, and is sent with <c>nonce</c> = a hash of its idempotency key and
/// <c>enforce_nonce</c>, so neither a retry nor a restart doubles it.
/// </summary>
internal sealed partial class DiscordChannelPublisher(
    DiscordRestClient rest,
    Database database,
    TimeProvider time,
    IOptions<DiscordOptions> options,
    ILogger<DiscordChannelPublisher> logger) : IChannelPublisher
{
    /// <summary>A quiz thread archives after a day without messages (Discord's 1440-minute option), by the next quiz.</summary>
    private const int ThreadArchiveMinutes = 1440;

    /// <summary>Discord's limit on a thread name.</summary>
    private const int MaxThreadName = 100;

    public string Platform => Platforms.Discord;

    public async Task<string> PostAsync(string channelId, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var nonce = Nonce(idempotencyKey);
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var existing = await connection.QuerySingleOrDefaultAsync<string?>(
                "SELECT message_id FROM discord_posts WHERE idempotency_key = @idempotencyKey AND message_id IS NOT NULL;",
                new { idempotencyKey }).ConfigureAwait(false);
            if (existing is not null)
            {
                LogAlreadyPosted(logger, channelId, existing);
                return existing;
            }

            await connection.ExecuteAsync(
                "INSERT INTO discord_posts (idempotency_key, channel_id, nonce, created_at) VALUES (@idempotencyKey, @channelId, @nonce, @now) ON CONFLICT (idempotency_key) DO NOTHING;",
                new { idempotencyKey, channelId, nonce, now = time.GetUtcNow().ToString("O") }).ConfigureAwait(false);
        }

        var payload = DiscordRenderer.Render(reply) with { Nonce = nonce, EnforceNonce = true };
        var message = reply.ReplacesMessageId is { Length: > 0 } replaces
            ? await rest.EditMessageAsync(channelId, replaces, payload with { Nonce = null, EnforceNonce = null }, cancellationToken).ConfigureAwait(false)
            : await rest.CreateMessageAsync(channelId, payload, cancellationToken).ConfigureAwait(false);

        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(
                "UPDATE discord_posts SET message_id = @id, sent_at = @now WHERE idempotency_key = @idempotencyKey;",
                new { id = message.Id, now = time.GetUtcNow().ToString("O"), idempotencyKey }).ConfigureAwait(false);
        }

        LogPosted(logger, channelId, message.Id);
        if (options.Value.QuizThreads && reply.Kind == ReplyKind.Quiz && reply.ReplacesMessageId is null)
        {
            await StartThreadAsync(channelId, message.Id, reply, cancellationToken).ConfigureAwait(false);
        }

        return message.Id;
    }

    /// <summary>The quiz is posted whatever becomes of its thread: a refused thread (no Create Public Threads
    /// permission, a thread already started by a retry) is logged, not thrown, so the quiz is not posted again.</summary>
    private async Task StartThreadAsync(string channelId, string messageId, Reply quiz, CancellationToken cancellationToken)
    {
        var name = $"{quiz.Title ?? "Quiz"} — {time.GetUtcNow():yyyy-MM-dd}: discuss here";
        try
        {
            var thread = await rest.CreateThreadAsync(
                channelId, messageId, new ThreadRequest(DiscordRenderer.Truncate(name, MaxThreadName), ThreadArchiveMinutes), cancellationToken).ConfigureAwait(false);
            LogThreadStarted(logger, channelId, thread.Id);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or TimeoutException or Polly.ExecutionRejectedException)
        {
            LogThreadFailed(logger, channelId, ex.Message);
        }
    }

    /// <summary>Discord's nonce is at most 25 characters: a hash of the key keeps it short and stable.</summary>
    internal static string Nonce(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..25];

    [LoggerMessage(Level = LogLevel.Information, Message = "Started quiz thread {ThreadId} in Discord channel {ChannelId}")]
    private static partial void LogThreadStarted(ILogger logger, string channelId, string threadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start a quiz thread in Discord channel {ChannelId}: {Reason}")]
    private static partial void LogThreadFailed(ILogger logger, string channelId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted to Discord channel {ChannelId}: message {MessageId}")]
    private static partial void LogPosted(ILogger logger, string channelId, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Already posted to Discord channel {ChannelId} as message {MessageId}; not posting again")]
    private static partial void LogAlreadyPosted(ILogger logger, string channelId, string messageId);
}
