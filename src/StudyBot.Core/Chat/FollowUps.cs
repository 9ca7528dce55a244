using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>
/// Reads a follow-up with the previous question's subject: after "Is EBS encrypted by default?", "what about S3?" is
/// "Is S3 encrypted by default?" and "and how do I turn it on?" is "how do I turn EBS on?"; after "what is ECS?", "is it
/// open source?" is "is ECS open source?" (asked as typed it was a Yes about Docker, the notes' other open-source
/// line); "tell me more" is "tell me more about EBS". Remembered per platform,
/// channel and user for <see cref="Window"/>, so one person's follow-up never borrows another's subject.
/// </summary>
internal sealed partial class FollowUps(TimeProvider time)
{
    /// <summary>These patterns are linear on a question capped at 2,000 characters (microseconds); the timeout only
    /// guards against a future pattern that is not. At 100 ms a thread descheduled on a loaded machine timed out mid-match
    /// and the question got the error reply, so the limit is far above any pause.</summary>
    private const int MatchTimeoutMs = 2000;

    /// <summary>Long enough to read an answer and ask on; short enough that a new topic is not read as an old one.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>A question that opens on a pronoun ("is it open source?", "how do I enable it?") refers back when at most
    /// this many words stand before the pronoun: "just wrote a bash script, how do I make it executable" names what "it"
    /// is before it (nine words), a follow-up has no room to.</summary>
    private const int MaxWordsBeforePronoun = 4;

    /// <summary>Beyond this many people at once the expired entries are dropped, and when that is not enough (a script
    /// asking under fresh web user ids, each its own person) the older half too: what is remembered stays bounded.</summary>
    internal const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<(string Platform, string Channel, string User), (string Question, string? Subject, DateTimeOffset At)> _last = new();

    /// <summary>The question to ask for <paramref name="text"/>, and the rewritten question when it was a follow-up.</summary>
    public (string Question, string? Assumed) Resolve(IncomingMessage message, string text)
    {
        if (!_last.TryGetValue(Key(message), out var last) || time.GetUtcNow() - last.At > Window)
        {
            return (text, null);
        }

        var trimmed = text.Trim();

        // A question that names a thing of its own is about that thing: only "what about X" reads it into the last one.
        var namesItsOwn = Subject(trimmed) is not null;
        string? rewritten = null;
        if (WhatAbout().Match(trimmed) is { Success: true } about)
        {
            // "how many hosts in a /24?" then "what about /26?": a value takes the place of the one of its shape.
            var x = about.Groups["x"].Value.Trim().TrimEnd('?', '.', '!');
            rewritten = SameShape(last.Question, x) is { } value ? ReplaceWord(last.Question, value, x)
                : last.Subject is { } named ? ReplaceWord(last.Question, named, x) : null;
        }
        else if (!namesItsOwn && WhichOne().IsMatch(trimmed) && Names(last.Question) is [var first, var second, ..])
        {
            // "what's the difference between TCP and UDP" then "which one is faster?": between the two it named.
            rewritten = $"{trimmed.TrimEnd('?', '.', '!', ' ')}, {first} or {second}?";
        }
        // The rest stand for the last question's subject: when it named none, they are asked as typed.
        else if (last.Subject is { } subject && AndThen().Match(trimmed) is { Success: true } and && Pronoun().IsMatch(and.Groups["rest"].Value))
        {
            var rest = and.Groups["rest"].Value;
            rewritten = Pronoun().Replace(rest, subject, 1);
            rewritten = char.ToUpperInvariant(rewritten[0]) + rewritten[1..];
        }
        else if (last.Subject is { } whole && MoreAbout().IsMatch(trimmed))
        {
            rewritten = $"tell me more about {whole}";
        }
        else if (!namesItsOwn && last.Subject is { } referred && (OpensOnPronoun(trimmed) ?? EndsOnOne(trimmed)) is { } pronoun)
        {
            rewritten = trimmed[..pronoun.Index] + referred + trimmed[(pronoun.Index + pronoun.Length)..];
        }

        return rewritten is null || rewritten == last.Question ? (text, null) : (rewritten, rewritten);
    }

    /// <summary>Remembers <paramref name="question"/> and the subject a follow-up can refer to; a question that names none
    /// moves on from the last one, whose subject is forgotten ("how do I drain a node" after a question on StatefulSets:
    /// "does it delete the pods?" was read as "does StatefulSet delete the pods?").</summary>
    public void Remember(IncomingMessage message, string question)
    {
        var subject = Subject(question);
        var now = time.GetUtcNow();
        if (_last.Count >= MaxRemembered)
        {
            foreach (var (key, value) in _last)
            {
                if (now - value.At > Window)
                {
                    _last.TryRemove(key, out _);
                }
            }

            if (_last.Count >= MaxRemembered)
            {
                foreach (var (key, _) in _last.ToArray().OrderBy(e => e.Value.At).Take(_last.Count - (MaxRemembered / 2)))
                {
                    _last.TryRemove(key, out _);
                }
            }
        }

        _last[Key(message)] = (question.Trim(), subject, now);
    }

    /// <summary>How many people's last questions are remembered.</summary>
    internal int Count => _last.Count;

    /// <summary>The thing a question is about: its first run of acronyms or capitalised names after the first word
    /// (EBS, GuardDuty, AWS Shield).</summary>
    internal static string? Subject(string question) => Names(question) is [var first, ..] ? first : null;

    /// <summary>The names a question holds after its first word, in order, each once.</summary>
    private static List<string> Names(string question) =>
        Name().Matches(question).Where(m => m.Index > 0).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The pronoun a question (one without a name of its own) refers back with, when it stands among its first
    /// words (<see cref="MaxWordsBeforePronoun"/>); "this" and "that" are left out, being as often "that option", and so
    /// is the "it" of "is it ok to …" and "does it matter if …", which stands for what follows.</summary>
    private static Match? OpensOnPronoun(string question)
    {
        if (PersonalPronoun().Match(question) is not { Success: true } pronoun || Lexicon.AnticipatoryIt().IsMatch(question))
        {
            return null;
        }

        var before = question[..pronoun.Index].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return before <= MaxWordsBeforePronoun && !question[..pronoun.Index].Contains(',', StringComparison.Ordinal) ? pronoun : null;
    }

    /// <summary>"how do I create one?": a closing "one" after a verb stands for the previous subject ("more than one",
    /// "which one", "each one" count or choose, and stay).</summary>
    private static Match? EndsOnOne(string question) => ClosingOne().Match(question) is { Success: true } one ? one : null;

    /// <summary>The value of <paramref name="question"/> written in the shape of <paramref name="value"/> ("/24" for
    /// "/26", "443" for "8080", "v2" for "v3": letters, digits and signs in the same order), when the value holds a digit
    /// and the question holds one such word; null otherwise (a name is replaced by the subject instead).</summary>
    internal static string? SameShape(string question, string value)
    {
        if (!value.Any(char.IsDigit) || value.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var shape = Shape(value);
        var matches = question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('?', '.', '!', ',', ';', ':', '(', ')'))
            .Where(w => w.Any(char.IsDigit) && Shape(w) == shape)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return matches.Count == 1 ? matches[0] : null;

        // A run of capitals, small letters or digits is one mark: "/24" and "/255" are one shape, "v2" and "V2" are not.
        static string Shape(string word)
        {
            var shape = new System.Text.StringBuilder(word.Length);
            foreach (var c in word)
            {
                var mark = char.IsUpper(c) ? 'A' : char.IsLetter(c) ? 'a' : char.IsDigit(c) ? '9' : c;
                if (shape.Length == 0 || shape[^1] != mark)
                {
                    shape.Append(mark);
                }
            }

            return shape.ToString();
        }
    }

    private static string ReplaceWord(string question, string word, string replacement)
    {
        var index = question.IndexOf(word, StringComparison.Ordinal);
        return index < 0 ? question : question[..index] + replacement.TrimEnd('?', '.', '!') + question[(index + word.Length)..];
    }

    private static (string, string, string) Key(IncomingMessage message) => (message.Platform, message.ChannelId, message.UserId);

    [GeneratedRegex(@"^(?:(?:ok(?:ay)?|thanks|thank\s+you|cool|great|nice|and|so)[,!.]?\s+)*(what|how)\s+about\s+(?<x>[^?]{1,80})\??$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex WhatAbout();

    [GeneratedRegex(@"^and\s+(?<rest>.{3,300})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex AndThen();

    [GeneratedRegex(@"\b(it|that|this|they|them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex Pronoun();

    /// <summary>"tell me more", "more details please", "can you elaborate on that?": the previous subject, asked whole.</summary>
    [GeneratedRegex(@"^(?:(?:ok(?:ay)?|thanks|and|please|so)[,!]?\s+)?(?:can|could|would)?\s*(?:you\s+)?(?:tell\s+me\s+more|say\s+more|more(?:\s+(?:info|information|details?))?|go\s+on|elaborate|explain\s+(?:more|further))(?:\s+(?:about|on)\s+(?:it|that|this|them))?(?:,?\s+please)?[\s.!?]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex MoreAbout();

    [GeneratedRegex(@"\b(it|they|them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex PersonalPronoun();

    /// <summary>"which one is faster?", "which of them uses less memory?", "which is better for video?".</summary>
    [GeneratedRegex(@"^which(?:\s+one|\s+of\s+(?:them|the\s+two))?\s+(?:is|are|has|have|does|do|should|would|can|uses?|needs?|gives?|works?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex WhichOne();

    [GeneratedRegex(@"(?<!\b(?:than|which|each|every|only|no|any|the|a|this|that|no\s+one|per|single|just|at\s+least)\s+)\bone(?=[\s?.!]*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex ClosingOne();

    /// <summary>A run of acronyms (EBS, S3, SSE-KMS) and capitalised names (GuardDuty, Shield): "AWS Shield" is one subject.</summary>
    [GeneratedRegex(@"\b(?:[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]{2,})(?:\s+(?:[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]{2,}))*\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex Name();
}
