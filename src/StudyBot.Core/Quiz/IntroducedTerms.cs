using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// The terms the notes themselves introduce, learnt from their markup rather than from word lists: a span the author
/// set in emphasis where the file first uses it ("*Ownership* is a set of rules", "the *slice* type", "a *dangling
/// reference*"), and a name set in code ("`String`", "`&amp;str`", "`Vec&lt;T&gt;`"). Book prose names its terms in
/// lower-case words, which the finder of acronyms and CamelCase names (<see cref="QuizText.Terms"/>) cannot see: the
/// Rust book gave 539 candidate facts, 41 keys and no wrong choices (issue 11). With these terms a sentence gets its
/// key and the key a family of its own shape to draw wrong choices from.
/// </summary>
internal sealed partial class IntroducedTerms
{
    /// <summary>The most words a span may have to name a term: a longer one is a phrase set in italics for stress or a
    /// book's title, not a name.</summary>
    internal const int MaxTermWords = 4;

    /// <summary>The longest span read as a term (characters).</summary>
    internal const int MaxTermLength = 40;

    /// <summary>The fewest letters and digits a code span needs to be a name: shorter ones (`x`, `s1`, `v`) are an
    /// example's variables.</summary>
    internal const int MinCodeChars = 3;

    /// <summary>The fewest files that must set a name in code for it to be a name of the subject: one that a single page
    /// sets in code is that page's example (a variable such as `greeting_file_result`, `string1`), not a thing a learner
    /// is asked to tell apart from others.</summary>
    internal const int MinCodeFiles = 2;

    /// <summary>In a set of notes that is one page (The Art of Command Line, Flight rules for Git) the page has no second
    /// file, so <see cref="MinCodeFiles"/> would make no name of it a term. There a name set in code counts when the page
    /// also runs it: it opens a command of the page's code (a line of a code block, or a span with arguments, after a
    /// pipe or a prompt) — `xargs` in "find . | xargs grep", `ls` in "ls -l". A branch or a file of the example
    /// (`daves`, `my-branch`) is set in code as often but never run.
    /// On such a page, this is the fewest letters and digits of a code name: its tools have names of two (`jq`, `du`,
    /// `ss`), and being set in code in two of its passages already tells them from a line's variable.</summary>
    internal const int MinCodeCharsOnOnePage = 2;

    /// <summary>The fewest subcommands a one-page set of notes must run a program with for its two words to name one
    /// command (<see cref="IsSubcommandName"/>).</summary>
    internal const int MinSubcommands = 2;

    /// <summary>An empty inventory, for notes without markup and for the rules' own tests.</summary>
    public static readonly IntroducedTerms None = new([]);

    private readonly Dictionary<string, EmphasisKind> _kinds = new(StringComparer.OrdinalIgnoreCase);

    // Code is written in one case: `String` is a type, "string" a word.
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    // Code names a one-page set of notes runs as commands (MinCodeCharsOnOnePage): of one kind, commands.
    private readonly HashSet<string> _commands = new(StringComparer.Ordinal);

    // Code names the prose names by a kind noun ("the `.npmignore` file"), with that noun (KindNounOf).
    private readonly Dictionary<string, string> _kindNouns = new(StringComparer.Ordinal);

    // The names each section of a one-page set of notes runs (RunsIn).
    private readonly Dictionary<(string File, string Section), HashSet<string>> _runIn = [];

    // The corpora (top folders, QuizCorpus.Root) whose notes introduce each concept: a word one set of notes makes a
    // term ("__secure__ is the file that logs …" in Linux notes) is an English word in another's ("more secure than
    // passwords").
    private readonly Dictionary<string, HashSet<string>> _roots = new(StringComparer.OrdinalIgnoreCase);

    // Terms by their first word (lower case): a line's words find the few terms that may start at each of them.
    private readonly Dictionary<string, List<(string Term, List<string> Words)>> _byFirstWord = new(StringComparer.Ordinal);

    /// <param name="codeBlocks">The notes' code blocks, which the rest of the inventory does not read: where a one-page set of
    /// notes runs its commands (<see cref="CommandNames"/>).</param>
    public IntroducedTerms(IReadOnlyList<Passage> passages, IEnumerable<Passage>? codeBlocks = null)
    {
        var codeFiles = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var spans = new List<(string Span, string Text, string File)>();
        var recommended = new HashSet<string>(StringComparer.Ordinal);
        var onePage = passages.GroupBy(p => CorpusOf(p.File), StringComparer.Ordinal)
            .Where(g => g.Select(p => p.File).Distinct(StringComparer.Ordinal).Count() == 1)
            .Select(g => g.First().File).ToHashSet(StringComparer.Ordinal);
        foreach (var file in passages.GroupBy(p => p.File, StringComparer.Ordinal))
        {
            // Words the file has written so far, in line order: a span emphasised after the file has already used its
            // words is stress ("the data *did* change", "by **default** it is not **encrypted**"), not an introduction.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in file.OrderBy(p => p.LineStart))
            {
                foreach (var span in p.Emphasis ?? [])
                {
                    if (span.Kind == EmphasisKind.Code)
                    {
                        spans.Add((span.Text, QuizText.OneLine(p.Text), p.File));
                        if (onePage.Contains(p.File) && IsCodeName(span.Text, MinCodeCharsOnOnePage) && Recommends(QuizText.OneLine(p.Text), span.Text))
                        {
                            recommended.Add(span.Text);
                        }
                    }

                    if (span.Kind == EmphasisKind.Code && (IsCodeName(span.Text, onePage.Contains(p.File) ? MinCodeCharsOnOnePage : MinCodeChars)
                        || (onePage.Contains(p.File) && IsSubcommandName(span.Text))))
                    {
                        if (!codeFiles.TryGetValue(span.Text, out var files))
                        {
                            files = new HashSet<string>(StringComparer.Ordinal);
                            codeFiles[span.Text] = files;
                        }

                        files.Add(p.File);
                    }
                    else if (span.Kind == EmphasisKind.Emphasis && IsConceptSpan(span.Text) && Canonical(span.Text) is var term
                        && !UsedBefore(seen, term) && Introduces(QuizText.OneLine(p.Text), span.Text))
                    {
                        _kinds.TryAdd(term, EmphasisKind.Emphasis);
                        if (!_roots.TryGetValue(term, out var roots))
                        {
                            roots = new HashSet<string>(StringComparer.Ordinal);
                            _roots[term] = roots;
                        }

                        roots.Add(CorpusOf(p.File));
                    }
                }

                foreach (var word in QuizText.Words(QuizText.OneLine(p.Text)))
                {
                    seen.Add(Singular(word.ToLowerInvariant()));
                }
            }
        }

        // Names the notes write as acronyms or CamelCase outside code, in any case: `xfs` in a command is the file system
        // the prose calls XFS, which keeps its shape (an acronym among FAT, JFS, NTFS).
        var names = passages.SelectMany(p => QuizText.Terms(QuizText.OneLine(p.Text))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var p in passages.Concat(codeBlocks ?? []).Where(p => onePage.Contains(p.File)))
        {
            if (!_runIn.TryGetValue((p.File, p.Section), out var inSection))
            {
                inSection = new HashSet<string>(StringComparer.Ordinal);
                _runIn[(p.File, p.Section)] = inSection;
            }

            inSection.UnionWith(CommandNames(p));
        }

        // A tool a page of tips recommends by name ("Use `shuf` to …", "`comm`: compare sorted files …") is one of the
        // page's commands though the page never runs it: The Art of Command Line names most of its tools once.
        var run = _runIn.Values.SelectMany(r => r).Concat(recommended).ToHashSet(StringComparer.Ordinal);
        // A program and its subcommand (`git reflog`) is one command where the page runs the program with two
        // subcommands or more: a program it runs with one second word only may be taking an argument (`cd src`).
        var programs = run.Where(r => r.Contains(' ', StringComparison.Ordinal)).GroupBy(Program, StringComparer.Ordinal)
            .Where(g => g.Count() >= MinSubcommands).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        run.RemoveWhere(r => r.Contains(' ', StringComparison.Ordinal) && !programs.Contains(Program(r)));
        var coded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, files) in codeFiles.Where(c => c.Value.Count >= MinCodeFiles || (c.Value.All(onePage.Contains) && run.Contains(c.Key))))
        {
            if (names.TryGetValue(code, out var written) && !string.Equals(written, code, StringComparison.Ordinal))
            {
                continue;
            }

            coded.UnionWith(files.Select(CorpusOf));

            // A name set in code is a code name even where a file also introduced the word in italics.
            _kinds[code] = EmphasisKind.Code;
            _codes.Add(code);
            if (run.Contains(code))
            {
                _commands.Add(code);
            }
        }

        foreach (var (code, noun) in NamedByKind(spans.Where(x => !onePage.Contains(x.File) && !coded.Contains(CorpusOf(x.File)))))
        {
            if (names.TryGetValue(code, out var written) && !string.Equals(written, code, StringComparison.Ordinal))
            {
                continue;
            }

            _kinds[code] = EmphasisKind.Code;
            _codes.Add(code);
            _kindNouns[code] = noun;
        }

        foreach (var term in _kinds.Keys)
        {
            var words = QuizText.Words(term).Select(w => w.ToLowerInvariant()).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            if (!_byFirstWord.TryGetValue(words[0], out var list))
            {
                list = [];
                _byFirstWord[words[0]] = list;
            }

            list.Add((term, words));
        }
    }

    /// <summary>The terms introduced in the set of notes <paramref name="file"/> belongs to, concepts and code names:
    /// the family a key the notes introduce draws its wrong choices from when its own file has too few (a book's chapter
    /// introduces a handful of terms; the book, a hundred).</summary>
    public IEnumerable<string> OfCorpus(string file)
    {
        var root = CorpusOf(file);
        return _kinds.Keys.Where(t => IsCode(t) || (_roots.TryGetValue(t, out var roots) && roots.Contains(root))).Order(StringComparer.Ordinal);
    }

    /// <summary>How many terms the notes introduce.</summary>
    public int Count => _kinds.Count;

    /// <summary>True for a term of the inventory (any case).</summary>
    public bool Contains(string term) => _kinds.ContainsKey(term);

    /// <summary>True for a code name a one-page set of notes runs as a command (`xargs`, `sudo`, `ls`): the page uses
    /// two such names the same way, so they are of one kind whatever the sentence model reads in their letters.</summary>
    public bool IsCommand(string term) => _commands.Contains(term);

    /// <summary>True for a command of two words a one-page set of notes runs, a program and its subcommand (`git reflog`,
    /// `kubectl drain`): it is offered only beside the other subcommands of its program the page runs.</summary>
    public bool IsSubcommand(string term) => _commands.Contains(term) && term.Contains(' ', StringComparison.Ordinal);

    /// <summary>True when the section of <paramref name="p"/> runs <paramref name="command"/> (a name of
    /// <see cref="CommandNames"/>): a how-to section's recipe ("(main)$ git reflog", then "git reset --hard …") uses its
    /// commands together, and a line about the recipe ("`git reflog` is also useful when rebasing goes terribly wrong")
    /// may be said of any of them.</summary>
    public bool RunsIn(string command, Passage p) =>
        _runIn.TryGetValue((p.File, p.Section), out var run) && run.Contains(command);

    /// <summary>The program of a command of two words (`git` of `git reflog`), or the command itself.</summary>
    internal static string Program(string command) => command.Split(' ', 2)[0];

    /// <summary>True for a term the notes set in code: it is offered only beside other code names.</summary>
    public bool IsCode(string term) => _codes.Contains(term);

    /// <summary>The kind noun the notes name a code name by ("file" for `.npmignore`, "function" for `scrypt`), or null
    /// (<see cref="NamedByKind"/>): such a name is offered only beside names of the same noun.</summary>
    public string? KindNounOf(string term) => _kindNouns.GetValueOrDefault(term);

    /// <summary>The code names of a set of notes whose code spans no page repeats (Node.js best practices: one practice a
    /// page, each with its own `.npmignore`, `scrypt` or `Expect-CT`), so that none is a name of the subject by
    /// <see cref="MinCodeFiles"/>: a span the prose names by a kind noun beside it (<see cref="QuizLexicon.CodeKindNouns"/>:
    /// "the `.npmignore` file", "a text file called `security.txt`", "the popular library `bcrypt`"), and a file name
    /// of an extension such a named file has (`package-lock.json` beside "the `package.json` file"). The noun tells a
    /// name of the subject from an example's variable (`getUser`, `rect1`), which the prose writes bare. A span named by
    /// two nouns is left out. Only where the notes have no code name by the other rules: there the repeated names
    /// already make the family, and the noun would move every bank built on them.</summary>
    private static IEnumerable<(string Code, string Noun)> NamedByKind(IEnumerable<(string Span, string Text, string File)> spans)
    {
        var nouns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (span, text, _) in spans)
        {
            var name = span.Trim();
            var file = IsFileName(name);
            if (file)
            {
                files.Add(name);
            }

            if ((file || IsCodeName(name)) && NounBeside(text, name) is { } noun)
            {
                if (!nouns.TryGetValue(name, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    nouns[name] = set;
                }

                set.Add(noun);
            }
        }

        var named = nouns.Where(n => n.Value.Count == 1).ToDictionary(n => n.Key, n => n.Value.First(), StringComparer.Ordinal);
        var extensions = named.Where(n => n.Value == FileNoun && !n.Key.StartsWith('.')).Select(n => Path.GetExtension(n.Key))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var f in files.Where(f => !f.StartsWith('.') && extensions.Contains(Path.GetExtension(f))))
        {
            named.TryAdd(f, FileNoun);
        }

        return named.Select(n => (n.Key, n.Value)).OrderBy(n => n.Key, StringComparer.Ordinal);
    }

    /// <summary>The kind noun of <see cref="QuizLexicon.CodeKindNouns"/> written right after a span ("`scrypt` function")
    /// or right before it ("library `bcrypt`", "file called `security.txt`"), or null.</summary>
    internal static string? NounBeside(string text, string span)
    {
        var s = Regex.Escape(span);
        var nouns = string.Join('|', QuizLexicon.CodeKindNouns.Select(Regex.Escape));
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        var timeout = TimeSpan.FromSeconds(1);
        var m = Regex.Match(text, $@"(?<![\w.-]){s}\s+({nouns})s?\b", options, timeout);
        if (!m.Success)
        {
            m = Regex.Match(text, $@"\b({nouns})s?\s+(?:(?:called|named)\s+)?{s}(?![\w-])", options, timeout);
        }

        return m.Success ? m.Groups[1].Value.ToLowerInvariant() : null;
    }

    private const string FileNoun = "file";

    /// <summary>True for a span that names a file: a name and an extension of letters (`package.json`, `security.txt`)
    /// or a dot file (`.npmignore`); no path, no spaces.</summary>
    internal static bool IsFileName(string span) => FileNameRegex().IsMatch(span);

    [GeneratedRegex(@"^(?:[A-Za-z0-9][A-Za-z0-9_-]*\.[a-z]{2,5}|\.[a-z][a-z0-9_-]{2,})$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameRegex();

    /// <summary>True when a line of a page of tips recommends the span as a tool: after a verb of
    /// <see cref="QuizLexicon.RecommendingVerbs"/> ("Use `shuf` to …"), or as the label the line opens with ("`comm`:
    /// compare sorted files line by line").</summary>
    internal static bool Recommends(string text, string span)
    {
        var s = Regex.Escape(span);
        var verbs = string.Join('|', QuizLexicon.RecommendingVerbs.Select(Regex.Escape));
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        var timeout = TimeSpan.FromSeconds(1);
        return Regex.IsMatch(text, $@"\b(?:{verbs})\s+(?:the\s+)?{s}(?![\w-])", options, timeout)
            || Regex.IsMatch(text, $@"^{s}:\s", options, timeout);
    }

    /// <summary>The inventory's terms that a line writes: a concept as whole words in any case ("Slices" for "slice"
    /// is another word form and does not count); a code name only where the line's own markup sets it in code
    /// (<paramref name="marked"/>), exactly as written and standing alone. Many code names are English words as well
    /// (`text`, `kind`, `clear`, `entry`): "any kind of error" holds no code, and a blank there asks for a word.</summary>
    /// <param name="file">The line's file: a concept counts in the set of notes (the top folder) that introduces it;
    /// null for any.</param>
    public IEnumerable<string> In(string text, IReadOnlyList<EmphasisSpan>? marked, string? file = null)
    {
        var root = file is null ? null : CorpusOf(file);
        if (_kinds.Count == 0)
        {
            return [];
        }

        var words = QuizText.Words(text).Select(w => w.ToLowerInvariant()).ToList();
        var found = new List<string>();
        for (var at = 0; at < words.Count; at++)
        {
            if (!_byFirstWord.TryGetValue(words[at], out var candidates))
            {
                continue;
            }

            foreach (var (term, termWords) in candidates)
            {
                if (found.Contains(term, StringComparer.OrdinalIgnoreCase) || at + termWords.Count > words.Count
                    || !termWords.Select((w, k) => words[at + k] == w).All(x => x))
                {
                    continue;
                }

                if ((!IsCode(term) && (root is null || !_roots.TryGetValue(term, out var roots) || roots.Contains(root))) || (IsCode(term) && marked is not null && marked.Any(m => m.Kind == EmphasisKind.Code && m.Text == term) && StandsAlone(text, term)))
                {
                    found.Add(term);
                }
            }
        }

        return found;
    }

    /// <summary>The concepts of the inventory that <paramref name="text"/> itself sets in emphasis (<paramref name="marked"/>,
    /// the markup of its passage): the line introduces or names them with the author's stress.</summary>
    public IEnumerable<string> IntroducedIn(string text, IReadOnlyList<EmphasisSpan>? marked) =>
        marked is null ? [] : In(text, marked).Where(t => !IsCode(t)
            && marked.Any(m => m.Kind == EmphasisKind.Emphasis && string.Equals(Canonical(m.Text), t, StringComparison.OrdinalIgnoreCase)));

    /// <summary>True when <paramref name="text"/> introduces the emphasised <paramref name="span"/> as a term: names it
    /// ("is called *borrowing*", "known as a *hash table*", "We call the action of creating a reference *borrowing*"),
    /// says what it is ("*Ownership* is a set of rules", "A **socket** is the combination of …", "a *pointer*, which is
    /// the address …"). Notes set words in italics and bold for stress as well ("the same **password**", "containers
    /// *inside* VMs") and as a bullet's label ("**Privacy** — Masks the user's IP"): emphasis alone does not mark a
    /// term (a bank built on every emphasised word filled the test corpora's bank with "privacy", "latency",
    /// "located").</summary>
    internal static bool Introduces(string text, string span)
    {
        var s = Regex.Escape(span.Trim());
        var naming = string.Join('|', QuizLexicon.NamingVerbs.Select(Regex.Escape));
        var saying = string.Join('|', QuizLexicon.DefiningVerbs.Select(Regex.Escape));
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        var timeout = TimeSpan.FromSeconds(1);
        return Regex.IsMatch(text, $@"\b(?:{naming})\s+(?:an?\s+|the\s+)?{s}(?![\w-])", options, timeout)
            || Regex.IsMatch(text, $@"\bcall(?:s|ed)?\s(?:[^\s.!?;]+\s){{0,8}}(?:an?\s+|the\s+)?{s}(?:$|[.,;:!?)])", options, timeout)
            || Regex.IsMatch(text, $@"(?:^|[.!?:;]\s+|\b(?:an?|the)\s+){s},?\s+(?:{saying})\b", options, timeout)
            || Regex.IsMatch(text, $@"(?<![\w-]){s},\s+which\s+(?:is|are|means)\b", options, timeout);
    }

    /// <summary>The names a passage runs (<see cref="MinCodeCharsOnOnePage"/>): the first word of each command of a code
    /// block's lines and of each code span with arguments, a command being cut at a pipe, "&amp;&amp;" or ";", a shell
    /// prompt ("$") dropped.</summary>
    /// <remarks>A command whose second word is a subcommand (<see cref="IsSubcommandName"/>: `git reflog`, `kubectl
    /// drain`) also runs the two words as one name, where a code block runs it or a span runs it with arguments: a span
    /// of the two words alone names the command, as a span of one word names a tool, and runs nothing. A prompt that
    /// names the branch ("(main)$ git reflog", "$ (main) git push") is dropped as "$" is.</remarks>
    internal static IEnumerable<string> CommandNames(Passage p)
    {
        var block = p.Kind == PassageKind.Code;
        var code = block
            ? p.Text.Split('\n')
            : (p.Emphasis ?? []).Where(e => e.Kind == EmphasisKind.Code && e.Text.Trim().Contains(' ', StringComparison.Ordinal)).Select(e => e.Text);
        foreach (var line in code)
        {
            foreach (var command in line.Split(['|', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(c => c.Split("&&", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                var words = BranchPromptRegex().Replace(command, string.Empty).TrimStart('$', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 0)
                {
                    yield return words[0];
                }

                if (words.Length >= (block ? 2 : 3) && IsSubcommandName(words[0] + " " + words[1]))
                {
                    yield return words[0] + " " + words[1];
                }
            }
        }
    }

    /// <summary>True for a span that may name a program and its subcommand (`git reflog`, `git format-patch`, `docker
    /// compose`): two words, the first a code name (<see cref="MinCodeCharsOnOnePage"/>), the second lower-case letters
    /// and digits joined by hyphens — not an option (`-i`), a path, a file or a placeholder.</summary>
    internal static bool IsSubcommandName(string span)
    {
        var words = span.Split(' ');
        return words.Length == 2 && IsCodeName(words[0], MinCodeCharsOnOnePage) && !words[0].StartsWith('(') && words[1].Length >= 2
            && SubcommandRegex().IsMatch(words[1]);
    }

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SubcommandRegex();

    // "(main)$ " before a command, or "(main) " after the "$".
    [GeneratedRegex(@"^\s*(?:\([^()\s]*\)\s*(?=\$)|\$\s*\([^()\s]*\)\s+)")]
    private static partial Regex BranchPromptRegex();

    /// <summary>The set of notes a file belongs to: its top folder, or the whole folder for a file at its top (a book's
    /// chapters side by side).</summary>
    private static string CorpusOf(string file) => file.Contains('/', StringComparison.Ordinal) ? QuizCorpus.Root(file) : string.Empty;

    /// <summary>True for an emphasised span that can name a concept: one to <see cref="MaxTermWords"/> words, not a
    /// label ("**Note:**", a title the parser already reads), not a sentence, and ending on a word that can head a
    /// noun phrase — not a function word set in italics for stress ("*not*", "*both*", "*will*", "*out of*").</summary>
    internal static bool IsConceptSpan(string span)
    {
        var t = span.Trim();
        var words = QuizText.Words(t);
        // A gloss in brackets is not counted: "last in, first out (LIFO)" is a name of four words.
        return QuizText.WordCount(QuizText.WithoutBrackets(t)) is >= 1 and <= MaxTermWords && t.Length <= MaxTermLength
            && !t.EndsWith(':') && !t.EndsWith('.') && !t.EndsWith('!') && !t.EndsWith('?') && !t.Contains(". ", StringComparison.Ordinal)
            && !t.Contains('/', StringComparison.Ordinal) && !LooksLikeFile(t)
            && t.Any(char.IsLetter) && words[^1].Length >= 3 && !IsFunctionWord(words[^1]) && words.Any(w => !IsFunctionWord(w));
    }

    /// <summary>True for a code span that names one thing (`String`, `&amp;str`, `Vec&lt;T&gt;`, `panic!`, `i32`):
    /// no call, assignment, path or file, no spaces outside a type's angle brackets, and
    /// <see cref="MinCodeChars"/> letters or digits or more.</summary>
    internal static bool IsCodeName(string span, int minChars = MinCodeChars)
    {
        var t = span.Trim();
        var outside = StripAngles(t);
        return t.Length is > 0 and <= MaxTermLength && t.Any(char.IsLetter) && t.Count(char.IsLetterOrDigit) >= minChars
            && !outside.Any(char.IsWhiteSpace) && outside.IndexOfAny(['(', ')', '=', ';', '"', '\'', '/', '.', ',', '{', '}', '[', ']', '$', '#', '|']) < 0
            && !t.StartsWith('-') && !t.EndsWith(':') && !t.StartsWith(':');
    }

    /// <summary>The name a code term is a form of: `Option&lt;T&gt;` and `Option&lt;i8&gt;` are both Option, `Result::Ok`
    /// is Result. Two forms of one name are one thing to a learner; neither is a wrong choice for the other.</summary>
    internal static string CodeBase(string term)
    {
        var t = term.TrimStart('&').Trim();
        var end = t.IndexOfAny(['<', ':', '!']);
        return end > 0 ? t[..end] : t;
    }

    /// <summary>The form a concept is kept in: a capital that only opens the sentence is dropped ("*Ownership* is …"
    /// introduces "ownership"); a name with capitals inside it keeps them.</summary>
    internal static string Canonical(string span)
    {
        var t = span.Trim();
        var words = QuizText.Words(t);
        return words.Count > 0 && words[0].Length > 1 && char.IsUpper(words[0][0]) && words[0].Skip(1).All(c => !char.IsUpper(c))
            && words.Skip(1).All(w => w.All(c => !char.IsUpper(c)))
            ? char.ToLowerInvariant(t[0]) + t[1..]
            : t;
    }

    private static bool UsedBefore(HashSet<string> seen, string term) =>
        QuizText.Words(term).Select(w => Singular(w.ToLowerInvariant())).Where(w => !IsFunctionWord(w)).All(seen.Contains);

    private static string Singular(string word) => word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    private static bool IsFunctionWord(string word) =>
        QuizLexicon.StopWords.Contains(word) || QuizLexicon.Modals.Contains(word) || QuizLexicon.Auxiliaries.Contains(word)
        || QuizLexicon.DanglingEnds.Contains(word) || QuizLexicon.Determiners.Contains(word) || QuizLexicon.StressWords.Contains(word);

    private static bool LooksLikeFile(string text) =>
        text.LastIndexOf('.') is var dot && dot > 0 && dot < text.Length - 1 && text[(dot + 1)..].All(char.IsLetterOrDigit);

    private static string StripAngles(string text)
    {
        var depth = 0;
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            depth += c == '<' ? 1 : 0;
            if (depth == 0)
            {
                kept.Append(c);
            }

            depth -= c == '>' && depth > 0 ? 1 : 0;
        }

        return kept.ToString();
    }

    /// <summary>True when <paramref name="term"/> stands in <paramref name="text"/> as written, not inside a longer name.</summary>
    private static bool StandsAlone(string text, string term) => QuizText.StandsIn(text, term, IsNameChar);

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or ':' or '<' or '&';
}
