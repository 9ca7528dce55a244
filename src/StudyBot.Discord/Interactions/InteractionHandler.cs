using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Discord.Payloads;
using StudyBot.Discord.Rendering;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// <c>POST /api/discord/interactions</c>: verifies the signature before reading anything, answers PING, and hands slash
/// commands and button presses to the conversation core. A reply that takes longer than the budget is answered
/// deferred (type 5) and completed through the interaction webhook.
/// </summary>
internal sealed partial class InteractionHandler(
    InteractionSignatureVerifier verifier,
    IServiceScopeFactory scopes,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionHandler> logger) : IHostedService, IDisposable
{
    /// <summary>Larger bodies are refused unread.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Discord shows at most 25 autocomplete choices.</summary>
    public const int MaxChoices = 25;

    /// <summary>A choice's name and value are at most 100 characters.</summary>
    public const int MaxChoiceLength = 100;

    /// <summary>An interaction token is valid for 15 minutes; work still running after that cannot be delivered.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14);

    private readonly DiscordOptions _options = options.Value;

    /// <summary>Cancelled only when shutdown runs out of time, so a deferred answer in flight is still delivered.</summary>
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<Task, bool> _deferred = new();

    /// <summary>Interaction ids seen while their signature could still be accepted (the skew on either side).</summary>
    private readonly SeenInteractions _seen = new(time, InteractionSignatureVerifier.MaxSkew * 2);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!verifier.IsValid(context.Request.Headers["X-Signature-Ed25519"], context.Request.Headers["X-Signature-Timestamp"], body))
        {
            LogRejected(logger, context.Connection.RemoteIpAddress?.ToString());
            return Results.Unauthorized();
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<Interaction>(body, DiscordJson.Options);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (interaction is null)
        {
            return Results.BadRequest();
        }

        if (interaction.Type == InteractionType.Ping)
        {
            return Respond(new InteractionResponse(CallbackType.Pong));
        }

        if (interaction.Type == InteractionType.Autocomplete && interaction.Data is { } typing)
        {
            return Results.Text(JsonSerializer.Serialize(await AutocompleteAsync(typing, context.RequestAborted).ConfigureAwait(false), DiscordJson.Options), "application/json");
        }

        if (interaction.Type == InteractionType.MessageComponent && interaction.Data?.CustomId is { } pressed
            && ButtonPrompts.ForAction(pressed) is { } prompt)
        {
            // A modal must be the direct answer to the press; what it asks for comes back as a MODAL_SUBMIT.
            return Results.Text(JsonSerializer.Serialize(DiscordRenderer.RenderModal(pressed, prompt), DiscordJson.Options), "application/json");
        }

        var message = ToIncomingMessage(interaction, _options);
        if (message is null || string.IsNullOrEmpty(interaction.Token) || string.IsNullOrEmpty(interaction.Id))
        {
            LogUnsupported(logger, interaction.Type);
            return Results.BadRequest();
        }

        // A signed request can be captured and sent again while its timestamp is fresh: act on each id once.
        if (!_seen.TryFirst(interaction.Id, out var earlier))
        {
            LogReplayed(logger, interaction.Id);
            return earlier is null
                ? Respond(new InteractionResponse(CallbackType.ChannelMessageWithSource, new MessagePayload(Content: "This request was already handled.", Flags: MessageFlags.Ephemeral)))
                : Results.Text(earlier, "application/json");
        }

        var result = await HandleOnceAsync(interaction, interaction.Token, message, context.RequestAborted).ConfigureAwait(false);
        _seen.Complete(interaction.Id, result);
        return Results.Text(result, "application/json");
    }

    /// <summary>
    /// Frequent questions and section titles matching what is typed in <c>/ask question:</c>. Discord drops an
    /// autocomplete answer that takes longer than 3 seconds: the titles are in memory and the questions one indexed
    /// query of a capped table, so it is answered in the request.
    /// </summary>
    private async Task<AutocompleteResponse> AutocompleteAsync(InteractionData data, CancellationToken cancellationToken)
    {
        var typed = SlashCommands.FocusedText(data) ?? "";
        using var scope = scopes.CreateScope();
        var suggestions = data.Name == "ask" ? scope.ServiceProvider.GetService<SectionSuggestions>() : null;
        var choices = (suggestions is null ? [] : await suggestions.SuggestWithQuestionsAsync(typed, MaxChoices, cancellationToken).ConfigureAwait(false))
            .Select(title => DiscordRenderer.Truncate(title, MaxChoiceLength))
            .Distinct(StringComparer.Ordinal)
            .Select(title => new CommandChoice(title, title))
            .ToList();
        LogAutocomplete(logger, typed.Length, choices.Count);
        return new AutocompleteResponse(new AutocompleteChoices(choices));
    }

    private async Task<string> HandleOnceAsync(Interaction interaction, string token, IncomingMessage message, CancellationToken requestAborted)
    {
        // "Ask StudyBot" on someone's message answers only the member who used it.
        var predictPrivate = message.ActionData is not null
            || interaction.Data?.Type == CommandType.Message
            || CommandCatalogue.VisibilityOf(message.Text) == Visibility.Private;
        var work = RunConversationAsync(message);
        var budget = Task.Delay(_options.InteractionBudget, time, requestAborted);
        if (await Task.WhenAny(work, budget).ConfigureAwait(false) == work)
        {
            var reply = await work.ConfigureAwait(false);
            return Serialize(new InteractionResponse(CallbackType.ChannelMessageWithSource, DiscordRenderer.Render(reply, IsEphemeral(reply, predictPrivate))));
        }

        LogDeferred(logger, interaction.Id, _options.InteractionBudget.TotalMilliseconds);
        var completion = CompleteDeferredAsync(token, work, predictPrivate);
        _deferred.TryAdd(completion, true);
        _ = completion.ContinueWith(t => _deferred.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Serialize(new InteractionResponse(
            CallbackType.DeferredChannelMessageWithSource,
            new MessagePayload(Flags: predictPrivate ? MessageFlags.Ephemeral : null)));
    }

    /// <summary>Maps a slash command or button press to a platform-neutral message; null for other interaction types.</summary>
    internal static IncomingMessage? ToIncomingMessage(Interaction interaction, DiscordOptions options)
    {
        var actor = interaction.Actor;
        if (actor is null || interaction.Data is null)
        {
            return null;
        }

        var roles = interaction.Member?.Roles ?? [];
        var channelId = interaction.ChannelId ?? interaction.Message?.ChannelId ?? actor.Id;
        var displayName = interaction.Member?.Nick ?? actor.GlobalName ?? actor.Username ?? actor.Id;
        var isAdmin = options.IsAdmin(actor.Id, roles);
        return interaction.Type switch
        {
            InteractionType.ApplicationCommand when interaction.Data.Name is { Length: > 0 } =>
                new IncomingMessage(Platforms.Discord, channelId, actor.Id, displayName, SlashCommands.ToText(interaction.Data), MentionedBot: true, IsAdmin: isAdmin),
            InteractionType.MessageComponent when interaction.Data.CustomId is { Length: > 0 } customId =>
                new IncomingMessage(Platforms.Discord, channelId, actor.Id, displayName, string.Empty, MentionedBot: true, IsAdmin: isAdmin, ActionData: customId),
            InteractionType.ModalSubmit when interaction.Data.CustomId is { Length: > 0 } customId =>
                new IncomingMessage(
                    Platforms.Discord, channelId, actor.Id, displayName,
                    (interaction.Data.Components ?? []).Select(c => c.ValueOf(DiscordRenderer.PromptInputId)).FirstOrDefault(v => v is not null) ?? "",
                    MentionedBot: true, IsAdmin: isAdmin, ActionData: customId),
            _ => null,
        };
    }

    /// <summary>What the channel sees of a public command whose answer turned out to be personal.</summary>
    internal const string PrivateAnswerNote = "I sent you the answer privately.";

    private static bool IsPrivateAnswer(Reply reply) =>
        reply.Kind is not (ReplyKind.Refused or ReplyKind.Error or ReplyKind.RateLimited);

    /// <summary>The conversation core marks what is private (<see cref="CommandDescriptor.Visibility"/>, refusals, errors);
    /// Discord alone adds that a button press and the message command answer only the member who used them.</summary>
    private static bool IsEphemeral(Reply reply, bool predictedPrivate) =>
        reply.Private || (predictedPrivate && reply.Kind is not ReplyKind.Quiz);

    private async Task<Reply> RunConversationAsync(IncomingMessage message)
    {
        // Not the request's token: a deferred reply goes on after the HTTP response.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        timeout.CancelAfter(TokenLifetime);
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var conversation = scope.ServiceProvider.GetRequiredService<IConversation>();
            return await conversation.HandleAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogConversationFailed(logger, ex, message.ChannelId);
            return new Reply("Sorry, something went wrong while answering. Please try again in a moment.", Kind: ReplyKind.Error, Private: true);
        }
    }

    private async Task CompleteDeferredAsync(string token, Task<Reply> work, bool deferredPrivate)
    {
        try
        {
            var reply = await work.ConfigureAwait(false);
            var ephemeral = IsEphemeral(reply, deferredPrivate);
            var cancellationToken = _abort.Token;
            if (ephemeral && !deferredPrivate && IsPrivateAnswer(reply))
            {
                // The deferred message is public; personal content goes in an ephemeral follow-up instead.
                await rest.EditOriginalAsync(token, new MessagePayload(Content: PrivateAnswerNote, AllowedMentions: new AllowedMentions([])), cancellationToken).ConfigureAwait(false);
                await rest.CreateFollowupAsync(token, DiscordRenderer.Render(reply, ephemeral: true), cancellationToken).ConfigureAwait(false);
            }
            else if (ephemeral && !deferredPrivate)
            {
                // A refusal, "slow down" or an error is no answer: the channel's "thinking…" goes away instead of
                // claiming an answer was sent, and only the asker sees why.
                await rest.CreateFollowupAsync(token, DiscordRenderer.Render(reply, ephemeral: true), cancellationToken).ConfigureAwait(false);
                await rest.DeleteOriginalAsync(token, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await rest.EditOriginalAsync(token, DiscordRenderer.Render(reply) with { Flags = null }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or OperationCanceledException or TimeoutException or Polly.ExecutionRejectedException)
        {
            LogFollowupFailed(logger, ex);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lets deferred answers in flight finish while the host shuts down; cancels them when its time is up.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_deferred.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _abort.Dispose();

    private static IResult Respond(InteractionResponse response) => Results.Text(Serialize(response), "application/json");

    private static string Serialize(InteractionResponse response) => JsonSerializer.Serialize(response, DiscordJson.Options);

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Discord interaction with a bad, missing or stale signature from {RemoteIp}")]
    private static partial void LogRejected(ILogger logger, string? remoteIp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction {InteractionId} was sent again; answered without acting")]
    private static partial void LogReplayed(ILogger logger, string interactionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord interaction type {Type} is not handled")]
    private static partial void LogUnsupported(ILogger logger, int type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Autocomplete for {TypedLength} typed characters: {Choices} choices")]
    private static partial void LogAutocomplete(ILogger logger, int typedLength, int choices);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord interaction {InteractionId} took longer than {BudgetMs} ms; answered deferred")]
    private static partial void LogDeferred(ILogger logger, string interactionId, double budgetMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The conversation failed on a Discord interaction in channel {ChannelId}")]
    private static partial void LogConversationFailed(ILogger logger, Exception exception, string channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not complete a deferred Discord interaction")]
    private static partial void LogFollowupFailed(ILogger logger, Exception exception);
}

/// <summary>
/// Interaction ids already acted on, each with the response it got, kept for <c>window</c>. Only requests with a valid
/// signature get here, so the set grows with Discord's real traffic, not with what anyone sends.
/// </summary>
internal sealed class SeenInteractions(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, string? Response)> _ids = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>True the first time an id is seen; else false with the response it got (null while it is in progress).</summary>
    public bool TryFirst(string id, out string? earlierResponse)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        if (_ids.TryAdd(id, (now + window, null)))
        {
            earlierResponse = null;
            return true;
        }

        earlierResponse = _ids.TryGetValue(id, out var entry) ? entry.Response : null;
        return false;
    }

    /// <summary>Stores the response, for a repeat to get the same answer.</summary>
    public void Complete(string id, string response) =>
        _ids.AddOrUpdate(id, _ => (time.GetUtcNow() + window, response), (_, entry) => (entry.Expires, response));

    private void Sweep(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var next = Interlocked.Read(ref _nextSweep);
        if (ticks < next || Interlocked.CompareExchange(ref _nextSweep, ticks + window.Ticks / 4, next) != next)
        {
            return;
        }

        foreach (var (id, entry) in _ids)
        {
            if (entry.Expires <= now)
            {
                _ids.TryRemove(id, out _);
            }
        }
    }
}
