using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Chat;

/// <summary>The <c>Chat</c> configuration section: message limits and the per-user question rate limit.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>Longer messages get a clear reply and no search.</summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>How many answers of the current index are remembered (0: none); emptied on every reload.</summary>
    [Range(0, 1_000_000)]
    public int AnswerCacheSize { get; set; } = 10_000;

    /// <summary>Refused admin commands logged and audited one by one per minute, across all users; the rest are
    /// summarised in one entry (a refused command used to write a row and a warning line each, filling the disk).</summary>
    [Range(1, 10_000)]
    public int MaxRefusalsRecordedPerMinute { get; set; } = 10;

    /// <summary>The per-user token bucket for questions and commands (one token each).</summary>
    [Required]
    [ValidateObjectMembers]
    public QuestionRateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>A token bucket per platform user: <see cref="TokenLimit"/> questions at once, then
/// <see cref="TokensPerPeriod"/> more every <see cref="ReplenishmentSeconds"/>.</summary>
public sealed class QuestionRateLimitOptions
{
    [Range(1, int.MaxValue)]
    public int TokenLimit { get; set; } = 10;

    [Range(1, int.MaxValue)]
    public int TokensPerPeriod { get; set; } = 1;

    [Range(0.001, 86_400)]
    public double ReplenishmentSeconds { get; set; } = 3;
}

/// <summary>Validates <see cref="ChatOptions"/> including the nested rate limit (generated at compile time).</summary>
[OptionsValidator]
internal sealed partial class ChatOptionsValidator : IValidateOptions<ChatOptions>;
