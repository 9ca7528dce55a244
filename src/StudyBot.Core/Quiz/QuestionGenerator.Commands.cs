using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// "Which command …?" from the notes' own task lines: a line that says what to do and ends with a colon, and right under
/// it the one command that does it ("- Find the processes that have a given file open:" over <c>lsof {{path/to/file}}</c>;
/// "To upgrade all installed packages to their latest available versions:" over <c>apt upgrade</c>). The wrong choices
/// are the commands the same notes give for their other tasks with the same tool (<c>lsof -t</c>, <c>lsof -u</c>): a
/// learner who knows the tool tells them apart, one who does not cannot guess by shape. Notes written as command
/// references (Linux, git, psql, the tldr pages) name few terms in prose and gave the other writers almost nothing
/// (tldr's 115 pages: no question at all). The item-quality model was never fitted on these items, so they are written
/// for the reserve alone, after every other reserve question: outside rating 50 found 38 of 60 good (63 %), 0 wrong keys.
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>The fewest and most words of a task line: fewer say too little to choose by ("Run it:"), more are a
    /// paragraph that walks through an example.</summary>
    private const int MinTaskWords = 3;

    private const int MaxTaskWords = 22;

    /// <summary>The longest command asked: longer is a script, not a command a learner recalls.</summary>
    private const int MaxCommandLength = 90;

    /// <summary>At most this many lines between the task line and its command (a blank line, a code fence).</summary>
    private const int MaxTaskToCommandGap = 3;

    /// <summary>From this sentence-model likeness of two task lines the other task's command may do the asked task as
    /// well ("Find the process that opened a local internet port" beside "… listening on a local IPv6 TCP port"): it is
    /// not offered as a wrong choice. The model's <see cref="SameLine"/> (0.9) is for a line said again in other words;
    /// two tasks of one tool share most of their words, so the cut is lower.</summary>
    internal const double SameTask = 0.8;

    /// <summary>Words in a task line that point at the page or walk through an example rather than state a task.</summary>
    private static readonly HashSet<string> PageWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "following", "below", "above", "example", "examples", "e.g", "eg", "here", "this", "these", "those", "it",
    };

    /// <summary>Last words of a task line that leave the task to the sentence before ("…, copy the URL, and run:").</summary>
    private static readonly HashSet<string> OpenEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "run", "use", "type", "enter", "execute", "do", "with", "using", "command", "is", "are", "by", "via", "and", "or", "then",
    };

    /// <summary>A shell prompt before a command (<c>$ </c>, <c>(my-folder) $ </c>, <c># </c>).</summary>
    [GeneratedRegex(@"^(?:\([^)]*\)\s*)?[$#>]\s+")]
    private static partial Regex Prompt();

    /// <summary>Placeholders a note writes in a command (<c>{{path/to/file}}</c>, <c>&lt;name&gt;</c>, <c>[url]</c>,
    /// <c>[local-branch]</c>); not tldr's choice of option spellings, <c>{{[-p|--parents]}}</c>, which is the option
    /// itself, nor a pattern's character class (<c>grep ':[0-9]*:'</c>, <c>[a-z]</c>), which is part of the command.</summary>
    [GeneratedRegex(@"\{\{(?!\[)(?:[^{}]|\{[^{}]*\})*\}\}|<[^>\s]+>|\[[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]{2,})*\]")]
    private static partial Regex Placeholder();

    /// <summary>One task line and the command under it.</summary>
    internal sealed record CommandTask(string File, string Section, int LineStart, string Description, string Command, string Tool, int LineEnd)
    {
        /// <summary>What the command does (<see cref="Operation"/>), worked out once: every other task of its tool is
        /// weighed against it.</summary>
        public HashSet<string> Does { get; } = Operation(Command);

        /// <summary>The command with its placeholders as one mark (<see cref="Same"/>).</summary>
        public string Plain { get; } = Same(Command);
    }

    /// <param name="fileTasks">The file's task lines, in the file's order.</param>
    /// <param name="byTool">Every task line of the notes, by its command's tool.</param>
    private static IEnumerable<Candidate> FromCommands(IEnumerable<CommandTask> fileTasks, ILookup<string, CommandTask> byTool, QuizCorpus corpus, KindSimilarity kinds, QuizTrace? trace = null)
    {
        // One question per command of a file: "View logs since boot" and "View logs from the current boot" both over
        // journalctl -b ask one thing twice.
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in fileTasks)
        {
            if (TaskQuestion(task.Description, w => WrittenAsVerb(w, corpus)) is not { } text)
            {
                trace?.Note("command", "a task line that makes no question", task.Description);
                continue;
            }

            var key = task.Plain;
            // The tool's other commands in the same file first, then in the rest of the notes; never one that does the
            // asked task as well, nor the key again with other placeholders.
            var wrong = byTool[task.Tool]
                .Where(o => o.Plain != key && !(o.File == task.File && o.LineStart == task.LineStart)
                    && !DoesMore(o.Does, task.Does) && !o.Does.SetEquals(task.Does))
                .Select(o => (Task: o, Likeness: kinds.Similarity(o.Description, task.Description)))
                .Where(o => !(o.Likeness >= SameTask))
                .Select(o => (o.Task, Wrong: new Wrong(o.Task.Command, o.Task.File == task.File ? 1 : 0.5, Closeness: o.Likeness ?? 0)))
                .OrderByDescending(o => o.Wrong.Tier).ThenByDescending(o => o.Wrong.Closeness)
                // Two wrong commands that do one thing on other arguments are right or wrong together: one of them.
                .DistinctBy(o => string.Join(' ', o.Task.Does.Order(StringComparer.Ordinal)), StringComparer.Ordinal)
                .Select(o => o.Wrong)
                .ToList();
            var citation = new Citation(task.File, task.Section, task.LineStart, task.LineEnd, $"{task.Description}: {task.Command}");
            var c = Assemble(
                QuizQuestion.MakeId(task.File, task.LineStart.ToString(), "command"), QuizQuestionKind.Command, text, task.Description, string.Empty,
                task.Command, wrong, $"{task.Description}: {task.Command}", citation, task.Command, minWrong: Distractors);
            // The giveaway is read on the commands as the notes write them: a placeholder that says the task's words
            // ("lsof -u {{username}}" for "the given user") marks an option that says them too, shown or not.
            var reason = c is null ? "too few other commands of the tool" : CommandGiveaway(c.Question, task.Description) ?? (asked.Add(key) ? null : "a command the file already asks");
            var shown = c?.Question.Choices.Select(CommandChoice).ToList() ?? [];
            if (reason is null && shown.Select(QuizText.Normalize).Distinct(StringComparer.Ordinal).Count() < shown.Count)
            {
                reason = "two choices alike without their placeholders";
            }

            trace?.Note("command", reason ?? "written for the reserve", text);
            if (reason is null)
            {
                yield return c! with { Question = c.Question with { Choices = shown }, ReserveOnly = true, Unrated = true };
            }
        }
    }

    /// <summary>The task lines of a file with the one-line command right under each, read from the file's lines: the
    /// parser takes a short line ending with a colon for the title of what follows, and a line that is one code span
    /// too (tldr's pages), so neither is always a passage of its own. A task line is cited under the section of the
    /// passage before it.</summary>
    internal static IEnumerable<CommandTask> CommandTasks(List<Passage> filePassages, IReadOnlyList<string>? fileLines)
    {
        if (fileLines is null || filePassages.Count == 0)
        {
            yield break;
        }

        var fenced = false;
        for (var i = 0; i < fileLines.Count; i++)
        {
            var line = fileLines[i].Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            // A task line stands alone: a list item, or a paragraph of one line (the last line of a wrapped paragraph,
            // "you may need:", is no task).
            var item = ListMark().IsMatch(line);
            if (fenced || line.Length == 0 || line[0] is '#' or '>' or '|' || (!item && i > 0 && fileLines[i - 1].Trim() is { Length: > 0 } above && above[0] != '#')
                || TaskLine(ListMark().Replace(line, string.Empty)) is not { } description
                || CommandUnder(fileLines, i + 1) is not { } found)
            {
                continue;
            }

            var tool = Tool(found.Command);
            if (tool.Length > 0)
            {
                var before = filePassages.LastOrDefault(p => p.LineStart <= i + 1) ?? filePassages[0];
                yield return new CommandTask(before.File, before.Section, i + 1, description, found.Command, tool, found.LineEnd);
            }
        }
    }

    /// <summary>One letter in brackets inside or at the edge of a word ("[w]idth", "lis[t]").</summary>
    [GeneratedRegex(@"(?<=\w|^|\s)\[(\w)\](?=\w|\s|$)")]
    private static partial Regex MnemonicLetter();

    /// <summary>A list mark at the start of a line (<c>- </c>, <c>* </c>, <c>1. </c>).</summary>
    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])\s+")]
    private static partial Regex ListMark();

    /// <summary>The one command right under a line (1-based <paramref name="lineEnd"/>), past blank lines: a line that is
    /// one code span, or a fenced block of one line; the shell prompt left out. Null when there is none, or more than one
    /// line of code, or a line too long to recall.</summary>
    internal static (string Command, int LineEnd)? CommandUnder(IReadOnlyList<string> fileLines, int lineEnd)
    {
        var i = lineEnd;
        while (i < fileLines.Count && i - lineEnd < MaxTaskToCommandGap && fileLines[i].Trim().Length == 0)
        {
            i++;
        }

        if (i >= fileLines.Count)
        {
            return null;
        }

        var line = fileLines[i].Trim();
        string code;
        int end;
        if (line.StartsWith("```", StringComparison.Ordinal))
        {
            if (i + 2 >= fileLines.Count || !fileLines[i + 2].Trim().StartsWith("```", StringComparison.Ordinal))
            {
                return null;
            }

            code = fileLines[i + 1].Trim();
            end = i + 3;
        }
        else if (line.Length > 2 && line[0] == '`' && line[^1] == '`' && line.IndexOf('`', 1) == line.Length - 1)
        {
            code = line[1..^1].Trim();
            end = i + 1;
        }
        else
        {
            return null;
        }

        var command = Prompt().Replace(code, string.Empty).Trim();
        return command.Length is 0 or > MaxCommandLength ? null : (command, end);
    }

    /// <summary>The task a line states, without its list mark and colon; null when the line is no task line: one
    /// sentence ending with a colon, of <see cref="MinTaskWords"/> to <see cref="MaxTaskWords"/> words, that neither
    /// points at the page nor leaves the task to the sentence before.</summary>
    internal static string? TaskLine(string text)
    {
        var line = QuizText.OneLine(text).Trim();
        if (!line.EndsWith(':') || line.Contains('`', StringComparison.Ordinal))
        {
            return null;
        }

        // tldr marks the letter an option is named after ("[w]idth", "[a]ll [b]ody lines"): a mnemonic that names the key.
        var description = MnemonicLetter().Replace(line.TrimEnd(':'), "$1").Trim();
        var words = QuizText.Words(description);
        if (words.Count is < MinTaskWords or > MaxTaskWords || !char.IsUpper(description[0]) || description.IndexOfAny(['.', '?', ':', ';', '!']) >= 0
            || words.Any(PageWords.Contains) || description.Contains("like so", StringComparison.OrdinalIgnoreCase) || OpenEnds.Contains(words[^1])
            // "To upgrade …:" states a purpose; "to" opens no other task line.
            || QuizLexicon.TaskNonOpeners.Contains(words[0]) || (QuizLexicon.ContinuationStarts.Contains(words[0]) && !words[0].Equals("to", StringComparison.OrdinalIgnoreCase))
            || QuizLexicon.PhraseOpeners.Contains(words[0])
            || QuizLexicon.PronounStarts.Contains(words[0]) || QuizLexicon.Modals.Contains(words[0]))
        {
            return null;
        }

        return description;
    }

    /// <summary>The command's tool: its first word, after <c>sudo</c>; empty when it opens with no word (an assignment,
    /// a bracket).</summary>
    internal static string Tool(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words.Length > 1 && words[0] == "sudo" ? words[1] : words[0];
        return first.Length > 0 && char.IsLetter(first[0]) && first.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') && !first.Contains('=', StringComparison.Ordinal)
            ? first
            : string.Empty;
    }

    /// <summary>True when <paramref name="other"/> is <paramref name="command"/> with more options, whatever their
    /// arguments: its <see cref="Operation"/> holds the command's (<c>rsync -a src dst</c> beside <c>rsync src dst</c> also
    /// transfers the file; <c>ausearch -m avc -ts recent -c myapp</c> beside <c>ausearch -m avc -c nginx</c> also searches
    /// by command name). Offered as a wrong choice it is right as well. It also strikes out a fair one now and then
    /// (<c>journalctl -b -1</c>, the previous boot, beside <c>journalctl -b</c>): one wrong choice fewer, never a second
    /// right one.</summary>
    internal static bool DoesMore(string other, string command) => DoesMore(Operation(other), Operation(command));

    private static bool DoesMore(HashSet<string> other, HashSet<string> command) => command.IsSubsetOf(other);

    /// <summary>What a command does, without what it does it to: its tool, its first bare word (a subcommand:
    /// <c>install</c>, <c>list</c>) and its options. <c>echo "$PATH"</c> and <c>echo "$HOME"</c> do one thing, and so do
    /// <c>apt install nano</c> and <c>apt install httpd</c>: offered beside each other, which one is right depends on
    /// context the question does not give.</summary>
    internal static HashSet<string> Operation(string command)
    {
        var words = Words(command);
        var operation = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return operation;
        }

        operation.Add(words[0]);
        var sub = words.FindIndex(1, w => w[0] is not ('-' or '+'));
        if (sub > 0 && words[sub].All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            operation.Add(words[sub]);
        }

        operation.UnionWith(words.Where(w => w[0] is '-' or '+' && w.Length > 1));
        return operation;
    }

    /// <summary>A command's words without its placeholders, <c>sudo</c> left out; of tldr's option spellings
    /// (<c>{{[-a|--all]}}</c>) the first, and short options written together (<c>-la</c>) one by one, so that
    /// <c>ls -la</c> is seen to do what <c>ls -a</c> does.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        foreach (var raw in Placeholder().Replace(OptionSpellings().Replace(command, "$1"), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "sudo")
            {
                continue;
            }

            if (raw.Length > 2 && raw[0] == '-' && raw[1] != '-' && raw.Skip(1).All(char.IsAsciiLetter))
            {
                words.AddRange(raw.Skip(1).Select(c => "-" + c));
            }
            else
            {
                words.Add(raw);
            }
        }

        return words;
    }

    /// <summary>tldr's choice of spellings, <c>{{[-a|--all]}}</c> or <c>{{[run|container run]}}</c>: its first.</summary>
    [GeneratedRegex(@"\{\{\[([^|\]]*)(?:\|[^\]]*)?\]\}\}")]
    private static partial Regex OptionSpellings();

    /// <summary>A command as a choice: its placeholders as "…" (<c>ping -c … …</c>, not <c>ping -c {{count}} {{host}}</c>),
    /// tldr's choice of option spellings as the first (<c>git push … -d …</c>).
    /// A placeholder says what goes there in the task's own words, and the key's alone did: "{{count}}" under "ping a host
    /// only a specific number of times", the payload "{{ls /}}" under "run command in an existing pod" (outside ratings 62
    /// and 65: all four tldr items guessable, these two by a placeholder). What the learner is to recall is the option;
    /// the citation, which the reveal shows, keeps the command as the notes write it.</summary>
    internal static string CommandChoice(string command) => Placeholder().Replace(OptionSpellings().Replace(command, "$1"), "…");

    /// <summary>A command with its placeholders as one mark: two commands that differ only in them are one.</summary>
    private static string Same(string command) => QuizText.Normalize(Placeholder().Replace(command, "…"));

    /// <summary>The question for a task line: "Which command would you run to …?" for a task written as an instruction
    /// ("Find …", "To find …"), "Which command …?" for one that says what the command does ("Creates a SOCKS proxy …").
    /// Null for any other opening, a label among them ("Kernel messages:", "Logs for one executable:").</summary>
    /// <param name="isVerb">Whether a word, lower case, is a verb in the notes' own writing (<see cref="WrittenAsVerb"/>).</param>
    internal static string? TaskQuestion(string description, Func<string, bool> isVerb)
    {
        var words = QuizText.Words(description);
        var first = words[0];
        if (first.Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            var rest = description[first.Length..].Trim();
            return rest.Length == 0 || rest.Contains(',', StringComparison.Ordinal) || words.Count < 2 || !isVerb(words[1].ToLowerInvariant())
                ? null
                : $"Which command would you run to {rest}?";
        }

        // "Do not use the cache when building the image": no task to run.
        if (first.Equals("do", StringComparison.OrdinalIgnoreCase) || first.Length < 2
            || !first.All(char.IsLetter) || !char.IsLower(first[1]))
        {
            return null;
        }

        var lowered = char.ToLowerInvariant(description[0]) + description[1..];
        var word = first.ToLowerInvariant();
        var next = words.Count > 1 ? words[1] : string.Empty;
        // "Lists …", "Creates a …": what the command does; a plural noun is not followed by a determiner ("Logs for …").
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && QuizLexicon.Determiners.Contains(next))
        {
            return $"Which command {lowered}?";
        }

        // "Find …", "Print the …": what the reader is to do; a word before a determiner opens no noun phrase.
        return isVerb(word) || QuizLexicon.Determiners.Contains(next) || QuizLexicon.Articles.Contains(next) ? $"Which command would you run to {lowered}?" : null;
    }

    /// <summary>True when the notes write a word as a verb: one the lexicon knows (<see cref="QuizLexicon.ImperativeStarts"/>,
    /// <see cref="QuizLexicon.Verbs"/>), or one they write between "to" and an article ("to display the", "to mount a");
    /// "to" alone is also a preposition ("add it to kernel logs").</summary>
    internal static bool WrittenAsVerb(string word, QuizCorpus corpus) =>
        QuizLexicon.ImperativeStarts.Contains(word) || QuizLexicon.Verbs.Contains(word)
        || QuizLexicon.Articles.Any(a => corpus.TextUses($"to {word} {a}") > 0);

    /// <summary>Why the question gives its answer away, or null: a word of the right command that no wrong choice has
    /// stands in the task line in some form ("the given user" over <c>lsof -u {{username}}</c>, "update the list of
    /// packages" over <c>apt update</c>, "app logs" over <c>journalctl -u myapp</c>, "bring an interface up" over
    /// <c>ip link set eth0 up</c>, "NS record" over <c>-type=NS</c>; outside rating 50), or the right command is twice as long as every other, or half as long.</summary>
    internal static string? CommandGiveaway(QuizQuestion q, string description)
    {
        var wrong = q.Choices.Where((_, i) => i != q.AnswerIndex).ToList();
        var wrongWords = wrong.SelectMany(w => CommandWords(w)).ToHashSet(StringComparer.Ordinal);
        // A word the key writes as an option ("-not -path", "--name") stands out unless another choice writes it outside
        // its placeholders: the placeholders of every find line ({{path/to/directory}}) or a container's {{container_name}}
        // do not make "-path" or "--name" a word the choices share (outside ratings 62 and 65: "excluding specific
        // paths" over -not -path).
        var wrongOptionWords = wrong.SelectMany(w => CommandWords(Placeholder().Replace(w, " "))).ToHashSet(StringComparer.Ordinal);
        var keyOptionWords = OptionWords(Placeholder().Replace(q.Answer, " ")).ToHashSet(StringComparer.Ordinal);
        var taskWords = QuizText.Words(description).Select(w => w.ToLowerInvariant()).ToList();
        foreach (var word in CommandWords(q.Answer).Where(w => w.Length >= 2 && !(keyOptionWords.Contains(w) ? wrongOptionWords : wrongWords).Contains(w)))
        {
            if (taskWords.Contains(word) || (word.Length >= 3 && taskWords.Any(t => t.Length >= 3 && Names(t, word))))
            {
                return $"the task line names the key's word \"{word}\"";
            }
        }

        // A number of the task that the key alone writes ("show last 5 lines" over -n 5, "check PID 1" over -p 1;
        // outside rating 51).
        var wrongNumbers = wrong.SelectMany(Numbers).ToHashSet(StringComparer.Ordinal);
        if (Numbers(q.Answer).FirstOrDefault(n => !wrongNumbers.Contains(n) && Numbers(description).Contains(n)) is { } number)
        {
            return $"the task line names the key's number {number}";
        }

        var length = q.Answer.Length;
        return wrong.All(w => length >= 2 * w.Length) || wrong.All(w => 2 * length <= w.Length) ? "the key's length stands out" : null;
    }

    /// <summary>Whether a task word names a command word in another form: one holds the other ("app" in "myapp",
    /// "rebuild" over --build), one opens the other ("user" and "username"), or the command word holds the task word's
    /// first five letters ("default configuration" over defconfig, "revocation" over --gen-revoke).</summary>
    private static bool Names(string taskWord, string commandWord) =>
        commandWord.Contains(taskWord, StringComparison.Ordinal) || taskWord.StartsWith(commandWord, StringComparison.Ordinal)
        || (commandWord.Length >= 4 && taskWord.Contains(commandWord, StringComparison.Ordinal))
        || (taskWord.Length >= 5 && commandWord.Contains(taskWord[..5], StringComparison.Ordinal));

    /// <summary>The words of a command, lower case, split at every mark (<c>--field-selector</c>: field, selector).</summary>
    private static IEnumerable<string> CommandWords(string command) =>
        NotAWordMark().Split(command.ToLowerInvariant()).Where(w => w.Length > 0 && w.Any(char.IsLetter));

    /// <summary>The words of a command's options, lower case (<c>-not -path</c>: not, path; <c>--field-selector</c>: field,
    /// selector); not its tool or subcommand.</summary>
    private static IEnumerable<string> OptionWords(string command) =>
        command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t.StartsWith('-')).SelectMany(CommandWords);

    /// <summary>The whole numbers written in a text ("5", "8000"; not the 4 of "IPv4").</summary>
    private static IEnumerable<string> Numbers(string text) => WholeNumber().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"(?<![\w.])\d+(?![\w.])")]
    private static partial Regex WholeNumber();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAWordMark();
}
