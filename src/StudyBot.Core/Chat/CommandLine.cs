using System.Globalization;

namespace StudyBot.Core.Chat;

/// <summary>A message read as a command: its descriptor, the sub-verb it names (or none) and the text after the command
/// word, with the sub-verb written as declared (so "quiz NOW!" reaches the handler as "now").</summary>
public sealed record ParsedCommand(CommandDescriptor Descriptor, CommandSubVerb? SubVerb, string Arguments)
{
    /// <summary>"quiz now" or "stats": how the command is named to the user.</summary>
    public string DisplayName => SubVerb is null ? Descriptor.Name : $"{Descriptor.Name} {SubVerb.Name}";
}

/// <summary>
/// Reads a message as a command, or not. A leading "/" or "!" says it is one: then the handler gets whatever follows and
/// explains its own usage. Without it, a message that starts with a command word is that command only when the rest is
/// the command's exact syntax (its sub-verb and parameters, nothing more), or when nothing follows the command word and
/// sub-verb; otherwise it is a question ("help me understand envelope encryption", "sources of DDoS attacks",
/// "quiz me on encryption").
/// </summary>
public static class CommandLine
{
    private static readonly char[] Spaces = [' ', '\t', '\n', '\r'];

    /// <summary>A message split at its first word.</summary>
    /// <param name="Prefixed">It started with "/" or "!".</param>
    /// <param name="Word">The first word, lower case, without trailing ?!. ("" for a bare "/").</param>
    /// <param name="Arguments">The text after the first word, trimmed.</param>
    public readonly record struct Split(bool Prefixed, string Word, string Arguments);

    /// <summary>A token as a command word: lower case, trailing ?!. removed ("Help?" is help).</summary>
    public static string Word(string token) => token.TrimEnd('?', '!', '.').ToLower(CultureInfo.InvariantCulture);

    /// <summary>Splits <paramref name="text"/> (already trimmed) at its first word.</summary>
    public static Split SplitText(string text)
    {
        var prefixed = text.Length > 0 && text[0] is '/' or '!';
        var body = prefixed ? text[1..].TrimStart() : text;
        var space = body.IndexOfAny(Spaces);
        return new Split(prefixed, Word(space < 0 ? body : body[..space]), space < 0 ? "" : body[(space + 1)..].Trim());
    }

    /// <summary>The command <paramref name="text"/> is, among <paramref name="commands"/>; null when it is not one.</summary>
    public static ParsedCommand? Parse(string text, IEnumerable<CommandDescriptor> commands)
    {
        var split = SplitText(text.Trim());
        return Match(split, commands.FirstOrDefault(c => c.Name == split.Word));
    }

    /// <summary>The command <paramref name="split"/> is when its first word names <paramref name="descriptor"/>; null when
    /// there is no such command, or when an unprefixed message does not follow the command's syntax.</summary>
    public static ParsedCommand? Match(Split split, CommandDescriptor? descriptor)
    {
        if (descriptor is null)
        {
            return null;
        }

        var tokens = split.Arguments.Split(Spaces, StringSplitOptions.RemoveEmptyEntries);
        var subVerb = tokens.Length > 0 ? descriptor.SubVerb(tokens[0]) : null;
        var rest = subVerb is null ? tokens : tokens[1..];
        var arguments = split.Arguments;
        if (subVerb is not null)
        {
            var after = split.Arguments[tokens[0].Length..].Trim();
            arguments = after.Length == 0 ? subVerb.Name : $"{subVerb.Name} {after}";
        }

        var parsed = new ParsedCommand(descriptor, subVerb, arguments);
        if (split.Prefixed || rest.Length == 0)
        {
            return parsed;
        }

        return Fits(subVerb?.ParameterList ?? descriptor.ParameterList, rest) ? parsed : null;
    }

    /// <summary>True when <paramref name="tokens"/> are exactly <paramref name="parameters"/>: every required one given,
    /// each of its kind, nothing left over.</summary>
    private static bool Fits(IReadOnlyList<CommandParameter> parameters, string[] tokens)
    {
        var next = 0;
        foreach (var parameter in parameters)
        {
            var left = tokens.Length - next;
            var taken = parameter.Kind switch
            {
                ParameterKind.Text => left,
                ParameterKind.Words => left >= parameter.Words ? parameter.Words : 0,
                ParameterKind.Integer => left > 0 && int.TryParse(tokens[next], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? 1 : 0,
                _ => Math.Min(left, 1),
            };
            if (taken == 0 && parameter.Required)
            {
                return false;
            }

            next += taken;
        }

        return next == tokens.Length;
    }
}
