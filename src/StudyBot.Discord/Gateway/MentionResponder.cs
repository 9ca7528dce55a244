using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Discord.Payloads;
using StudyBot.Discord.Rendering;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Gateway;

/// <summary>
/// Answers a MESSAGE_CREATE that @mentions the bot (or is a DM to it): strips the mention, asks the conversation core,
/// and replies with a message_reference to the question.
/// </summary>
internal sealed partial class MentionResponder(
    IServiceScopeFactory scopes,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<MentionResponder> logger)
{
    /// <summary>Discord shows "typing…" for about 10 seconds per trigger; a longer answer triggers it again.</summary>
    internal static readonly TimeSpan TypingRefresh = TimeSpan.FromSeconds(8);

    /// <summary>Maps the message to a platform-neutral one; null when the bot should not answer it.</summary>
    internal static IncomingMessage? ToIncomingMessage(DiscordMessage message, string botUserId, DiscordOptions options)
    {
        var author = message.Author;
        if (author is null || author.Bot == true || author.Id == botUserId)
        {
            return null;
        }

        var mentioned = message.Mentions?.Any(m => m.Id == botUserId) == true;
        var direct = message.GuildId is null;
        if (!mentioned && !direct)
        {
            return null;
        }

        var text = MentionPattern().Replace(message.Content ?? string.Empty, m => m.Groups["id"].Value == botUserId ? " " : m.Value);
        text = Whitespace().Replace(text, " ").Trim();
        var displayName = message.Member?.Nick ?? author.GlobalName ?? author.Username ?? author.Id;
        var isAdmin = options.IsAdmin(author.Id, message.Member?.Roles ?? []);
        return new IncomingMessage(Platforms.Discord, message.ChannelId, author.Id, displayName, text, MentionedBot: true, IsAdmin: isAdmin);
    }

    /// <summary>Answers the message if it is for the bot.</summary>
    public async Task RespondAsync(DiscordMessage message, string botUserId, CancellationToken cancellationToken)
    {
        var incoming = ToIncomingMessage(message, botUserId, options.Value);
        if (incoming is null)
        {
            return;
        }

        Reply reply;
        using (var composing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var typing = KeepTypingAsync(message.ChannelId, composing.Token, cancellationToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                reply = await scope.ServiceProvider.GetRequiredService<IConversation>().HandleAsync(incoming, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                LogConversationFailed(logger, ex, message.ChannelId);
                reply = new Reply("Sorry, something went wrong while answering. Please try again in a moment.", Kind: ReplyKind.Error);
            }
            finally
            {
                // Stopped before the answer is posted: a typing trigger after it would show "typing…" under the answer.
                await composing.CancelAsync().ConfigureAwait(false);
                await typing.ConfigureAwait(false);
            }
        }

        try
        {
            if (reply.Private && message.GuildId is not null)
            {
                // Personal or administrative content does not go to the channel: it goes to a DM, with a note here.
                reply = await SendPrivatelyAsync(message, reply, cancellationToken).ConfigureAwait(false);
            }

            var payload = DiscordRenderer.Render(reply) with
            {
                MessageReference = new MessageReference(message.Id, message.ChannelId, message.GuildId, FailIfNotExists: false),
                Nonce = DiscordChannelPublisher.Nonce("reply:" + message.Id),
                EnforceNonce = true,
            };
            var sent = await rest.CreateMessageAsync(message.ChannelId, payload, cancellationToken).ConfigureAwait(false);
            LogAnswered(logger, message.ChannelId, sent.Id);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or TimeoutException or Polly.ExecutionRejectedException)
        {
            LogReplyFailed(logger, ex, message.ChannelId);
        }
    }

    /// <summary>
    /// "StudyBot is typing…" in the channel while the answer is composed: a trigger now (waited for, so it reaches
    /// Discord before the answer) and again every <see cref="TypingRefresh"/> until <paramref name="composing"/> ends.
    /// A failed trigger only costs the cue, never the answer.
    /// </summary>
    private async Task KeepTypingAsync(string channelId, CancellationToken composing, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await rest.TriggerTypingAsync(channelId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or TimeoutException or Polly.ExecutionRejectedException)
            {
                LogTypingFailed(logger, channelId, ex.Message);
                return;
            }

            try
            {
                await Task.Delay(TypingRefresh, time, composing).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends the reply as a DM; returns the short note to leave in the channel instead.</summary>
    private async Task<Reply> SendPrivatelyAsync(DiscordMessage message, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            var dm = await rest.CreateDmChannelAsync(message.Author!.Id, cancellationToken).ConfigureAwait(false);
            await rest.CreateMessageAsync(dm.Id, DiscordRenderer.Render(reply) with
            {
                Nonce = DiscordChannelPublisher.Nonce("dm:" + message.Id),
                EnforceNonce = true,
            }, cancellationToken).ConfigureAwait(false);
            return new Reply("I sent you the answer in a direct message.", Kind: ReplyKind.Text);
        }
        catch (DiscordApiException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.BadRequest)
        {
            LogDmRefused(logger, message.ChannelId);
            return new Reply("That answer is only for you, but I cannot send you direct messages. Use the slash command instead: only you will see its answer.", Kind: ReplyKind.Text);
        }
    }

    [GeneratedRegex("<@!?(?<id>[0-9]{1,20})>")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a mention in Discord channel {ChannelId} with message {MessageId}")]
    private static partial void LogAnswered(ILogger logger, string channelId, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The conversation failed on a Discord mention in channel {ChannelId}")]
    private static partial void LogConversationFailed(ILogger logger, Exception exception, string channelId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No typing indicator in Discord channel {ChannelId}: {Reason}")]
    private static partial void LogTypingFailed(ILogger logger, string channelId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord refused a direct message for a private answer asked in channel {ChannelId}")]
    private static partial void LogDmRefused(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reply to a Discord mention in channel {ChannelId}")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, string channelId);
}
