using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Questions from the notes' tables, where the notes set their terms side by side themselves. A table of things, one
/// per row ("Protocol | Port | Purpose"), asks which thing has a cell ("Which protocol has the purpose “Secure remote
/// shell access” in the notes?" — SSH among HTTP, HTTPS, FTP): the wrong choices are the other rows' things, the same
/// family by the notes' own layout. A comparison ("Feature | TCP | UDP", headed "TCP vs UDP") asks which compared
/// thing has a row's cell ("Which of these has “No delivery guarantee” for Reliability in the notes?" — TCP or UDP).
/// A cell asked must say something (two words or more, not a number) and be the only one of its kind in its column or
/// row, so no other choice is also right; every check of the other writers applies (<see cref="Check"/>).
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>The fewest rows a table needs besides its header: with one, there is nothing to choose among.</summary>
    private const int MinTableRows = 2;

    /// <summary>The fewest rows a table of things needs: with fewer, a question has one or two wrong choices, and two
    /// outside readers found such items guessable by elimination (ratings 44 and 45).</summary>
    private const int MinThingRows = 4;

    /// <summary>The most words a table's thing may have to be a choice: longer first cells are sentences, not names.</summary>
    private const int MaxTableChoiceWords = 5;

    /// <summary>The most letters of a key that the cell's words may spell out as a short form of theirs.</summary>
    private const int MaxShortKeyLetters = 6;

    /// <summary>The fewest letters of a short name that one word of the cell, or the initials of a run of its words inside
    /// a longer name, may be taken to spell: two letters of one word match by chance ("cd" in "cloud").</summary>
    private const int MinShortenedLetters = 3;

    /// <summary>Letters two words must share from their first to be one word's forms ("state", "Stateful").</summary>
    private const int SharedStemLetters = 4;

    /// <summary>The most words a table's things may have on average: more, and its first column holds phrases.</summary>
    private const double MaxTableThingWords = 3;

    /// <summary>A cell asked needs this many words: "Higher", "Yes" or "✅" alone says too little to point at one answer.</summary>
    private const int MinTableCellWords = 2;

    /// <summary>The most words of a cell asked: a longer one is a paragraph a learner must read, not a fact to recall.</summary>
    private const int MaxTableCellWords = 20;

    /// <summary>Questions asked of one table: a long reference table (forty commands) would otherwise fill the bank.</summary>
    private const int MaxTableQuestions = 2;

    /// <summary>The farthest a comparison's row may be below its header for the citation to quote both.</summary>
    private const int MaxComparisonCitationLines = 12;

    /// <summary>A table as the notes parser left it: its rows' passages, its column headers and its cells.</summary>
    internal sealed record NotesTable(IReadOnlyList<Passage> Rows, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Cells)
    {
        /// <summary>The line of the table's header (its separator line lies between it and the first row).</summary>
        public int HeaderLine => Rows[0].LineStart - 2;
    }

    /// <summary>The file's tables: runs of table rows on consecutive lines of one section whose cells stand under the
    /// same headers. The parser writes a row "Header: cell | Header: cell", leaving out empty cells, so a row whose
    /// cells do not line up with the others' headers ends the table.</summary>
    internal static List<NotesTable> Tables(IReadOnlyList<Passage> filePassages)
    {
        var tables = new List<NotesTable>();
        var run = new List<(Passage Row, List<(string Header, string Cell)> Cells)>();
        foreach (var p in filePassages.OrderBy(p => p.LineStart))
        {
            var cells = p.Kind == PassageKind.TableRow ? RowCells(p.Text) : null;
            var continues = cells is not null && run.Count > 0 && p.LineStart == run[^1].Row.LineEnd + 1
                && string.Equals(p.Section, run[^1].Row.Section, StringComparison.Ordinal)
                && cells.Select(c => c.Header).SequenceEqual(run[0].Cells.Select(c => c.Header), StringComparer.Ordinal);
            if (!continues)
            {
                Close();
            }

            if (cells is not null)
            {
                run.Add((p, cells));
            }
        }

        Close();
        return tables;

        void Close()
        {
            if (run.Count >= MinTableRows && run[0].Cells.Count >= 2 && run[0].Cells.Skip(1).All(c => c.Header.Length > 0))
            {
                tables.Add(new NotesTable(
                    run.Select(r => r.Row).ToList(),
                    run[0].Cells.Select(c => c.Header).ToList(),
                    run.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Cell).ToList()).ToList()));
            }

            run.Clear();
        }
    }

    /// <summary>A row's cells with their headers; the first cell may stand without one (a table whose corner is empty).</summary>
    private static List<(string Header, string Cell)>? RowCells(string text)
    {
        var cells = new List<(string, string)>();
        foreach (var part in text.Split(" | "))
        {
            var colon = part.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0)
            {
                if (cells.Count > 0)
                {
                    return null;
                }

                cells.Add((string.Empty, part.Trim()));
                continue;
            }

            cells.Add((part[..colon].Trim(), part[(colon + 2)..].Trim()));
        }

        return cells.Count >= 2 ? cells : null;
    }

    private static IEnumerable<Candidate> FromTables(List<Passage> filePassages, QuizCorpus corpus, KindSimilarity kinds, QuizTrace? trace = null)
    {
        foreach (var table in Tables(filePassages))
        {
            var written = 0;
            var questions = ComparesItsColumns(table, kinds) ? FromComparison(table) : FromThings(table, kinds);
            foreach (var c in questions)
            {
                if (written == MaxTableQuestions)
                {
                    // The rest of a long table is not written at all.
                    trace?.Note("table", "enough from this table", c.Question.Text);
                    break;
                }

                var reason = Check(c, corpus, kinds);
                trace?.Note("table", reason ?? "written for the reserve", c.Question.Text);
                if (reason is null)
                {
                    written++;
                    yield return c with { ReserveOnly = true };
                }
            }
        }
    }

    /// <summary>True when the table compares its columns ("Feature | TCP | UDP"): its first column has no header, or one
    /// that names an axis of comparison (<see cref="QuizLexicon.ComparisonAxes"/>), and its columns are not attributes of
    /// its rows (<see cref="HoldsAttributes"/>). Otherwise its rows are the things (the first column names them, the other
    /// columns say what they are). A first try also took a table whose other headers the section or file named as
    /// compared; it read "Code | Value | Notes" in a file called notes.md as a comparison of Value and Notes (outside
    /// rating 44, T53).</summary>
    internal static bool ComparesItsColumns(NotesTable table, KindSimilarity kinds) => HasAxisCorner(table) && !HoldsAttributes(table, kinds);

    /// <summary>True when the table's first header is empty or names an axis of comparison ("Feature", "Aspect"): the
    /// layout of a comparison of its columns, which <see cref="HoldsAttributes"/> may still overrule.</summary>
    internal static bool HasAxisCorner(NotesTable table) =>
        table.Headers[0].Length == 0 || QuizLexicon.ComparisonAxes.Contains(table.Headers[0]);

    /// <summary>The least share of the compared cells' spread in length that may lie between the columns for the table to
    /// hold attributes (<see cref="LengthBetweenColumns"/>): each column has a length of its own, a short value beside a
    /// long note ("Permission denied" beside "Returned when a user lacks write permissions …"). Measured on the 109 tables
    /// of the 33 notes folders that an axis header or an empty corner made comparisons, with two compared columns or
    /// more (sixty-fifth session, <c>quiz-attribute-tables</c>): the attribute tables "Parameter | Value | Notes" (0.98,
    /// 0.98), "| Value | Purpose" (0.94), "| Description | Default" (0.99), "Factor | Description | Example" (0.90) and
    /// "Category | Protocol | Full Name" (0.83–0.94) lie at 0.83 or more; of the 88 real comparisons the highest is 0.75
    /// (equity compensation's tax rows, "Restricted stock awards | ISOs | NSOs | RSUs", whose first column is the
    /// wordiest), the next 0.49 (Google AI Studio and Vertex AI Studio).</summary>
    internal const double AttributeLengthShare = 0.8;

    /// <summary>How much more alike the sentence model must find the cells of one column than the cells of one row for the
    /// table to hold attributes (<see cref="CellLikeness"/>): down a column the cells are of one kind (all purposes, all
    /// visibilities: "Public (visible in logs)", "Masked in logs"), across a row of different kinds, where a comparison's
    /// row holds one attribute's values ("Connection-oriented" beside "Connectionless"). Measured on the same 109 tables:
    /// "Feature | Purpose | Visibility" 0.38, "| Description | Default" 0.33, "Category | Max Speed | Max Distance | Common
    /// Use" 0.52, "Parameter | DHCP Option | Example" 0.31, "Factor | Description | Example" 0.27; of the 88 real
    /// comparisons the highest is 0.20 (the equity tax rows again: a long 83(b) proviso beside "No tax."), the next 0.10
    /// (NotebookLM and Agentspace). The tables whose notes explain a value in its own words ("Parameter | Value | Notes")
    /// have rows as alike as a comparison's (the note repeats the value) and are told by their lengths
    /// (<see cref="AttributeLengthShare"/>); a table whose columns are alike in length and meaning both ("Feature | What
    /// it does | Reactive or Proactive?", 0.23 and −0.01) still reads as a comparison, and writes nothing.</summary>
    internal const double AttributeLikenessGap = 0.25;

    /// <summary>True when the table's compared columns are attributes of its rows, not things compared ("Parameter | Value
    /// | Notes", "Feature | Purpose | Visibility"): its columns' cells differ in length from column to column
    /// (<see cref="AttributeLengthShare"/>) or are more alike down a column than across a row
    /// (<see cref="AttributeLikenessGap"/>; without a model, the lengths alone). A table with one compared column has
    /// nothing to set side by side and is never one.</summary>
    internal static bool HoldsAttributes(NotesTable table, KindSimilarity kinds)
    {
        if (table.Headers.Count < 3)
        {
            return false;
        }

        if (LengthBetweenColumns(table) >= AttributeLengthShare - 1e-9)
        {
            return true;
        }

        var (row, column) = CellLikeness(table, kinds);
        return row is { } r && column is { } c && c - r >= AttributeLikenessGap - 1e-9;
    }

    /// <summary>The most rows whose cells <see cref="CellLikeness"/> compares: a column's likeness takes every pair of its
    /// cells, so a table of thousands of rows would cost millions of comparisons and a vector for every cell; its first
    /// rows say what its columns hold as well.</summary>
    internal const int MaxLikenessRows = 40;

    /// <summary>How alike the sentence model finds the cells of one row across the compared columns (the mean over the
    /// rows of their cells' pairwise likeness), and the cells of one compared column down the rows (the mean over the
    /// columns), over the first <see cref="MaxLikenessRows"/> rows; null without a model or without two cells to
    /// compare.</summary>
    internal static (double? Row, double? Column) CellLikeness(NotesTable table, KindSimilarity kinds)
    {
        if (!kinds.Available)
        {
            return (null, null);
        }

        static double? MeanPairs(IReadOnlyList<string> cells, KindSimilarity kinds)
        {
            var texts = cells.Where(c => c.Length > 0).ToList();
            var pairs = new List<double>();
            for (var i = 0; i < texts.Count; i++)
            {
                for (var j = i + 1; j < texts.Count; j++)
                {
                    pairs.Add(kinds.Similarity(texts[i], texts[j]) ?? 0);
                }
            }

            return pairs.Count > 0 ? pairs.Average() : null;
        }

        var compared = Enumerable.Range(1, table.Headers.Count - 1).ToList();
        var cells = table.Cells.Take(MaxLikenessRows).ToList();
        var rows = cells.Select(r => MeanPairs(compared.Select(c => r[c]).ToList(), kinds)).OfType<double>().ToList();
        var columns = compared.Select(c => MeanPairs(cells.Select(r => r[c]).ToList(), kinds)).OfType<double>().ToList();
        return (rows.Count > 0 ? rows.Average() : null, columns.Count > 0 ? columns.Average() : null);
    }

    /// <summary>The share of the compared cells' spread in length (words, on a log scale) that lies between the columns'
    /// means: near 1 when each column has a length of its own (a short value beside a long note), near 0 when the columns'
    /// cells are alike in length.</summary>
    internal static double LengthBetweenColumns(NotesTable table)
    {
        var columns = Enumerable.Range(1, table.Headers.Count - 1)
            .Select(c => table.Cells.Select(r => Math.Log(1 + QuizText.WordCount(r[c]))).ToList()).ToList();
        var all = columns.SelectMany(c => c).ToList();
        var mean = all.Average();
        var total = all.Sum(x => (x - mean) * (x - mean));
        var between = columns.Sum(c => c.Count * (c.Average() - mean) * (c.Average() - mean));
        return total > 0 ? between / total : 0;
    }

    /// <summary>True when another thing's cell says what the asked cell says: the same text, or the asked cell inside it
    /// as whole words ("Web server" for nginx beside "Apache web server" for httpd: httpd is a web server too, and "which
    /// service has “Web server” under “Description”?" had two right answers). As written, numbers, brackets and negations
    /// included: "1 Gbps" beside "10 Gbps", "O(n)" beside "O(n + k)" and "No delivery guarantees" beside "Guaranteed
    /// delivery with ACKs" say different things.</summary>
    internal static bool SaysItToo(string other, string asked) =>
        QuizText.ContainsAsWords(other, asked);

    /// <summary>True when the model shows the row to be of another kind than the key's row, so it is no fair wrong choice.
    /// Where the first header names the rows' kind ("Protocol", "Mode"), the notes' layout vouches for every row, as a
    /// heading does for the sections under it, and none is. Where it names none (an axis of comparison or no header,
    /// <see cref="HasAxisCorner"/>: a table <see cref="HoldsAttributes"/> made a table of things), a row is of another
    /// kind when the model finds another row of the key's kind (<see cref="KindSimilarity.SameKind"/> or more like the
    /// key) and this one under <see cref="KindSimilarity.OtherKind"/>, the least likeness of a sibling title. The GitHub
    /// certification notes' "Parameter | Value | Purpose" sets Port 122 and Port 8443 (0.65) beside Default backup
    /// snapshots (0.00) and Recommended backup frequency (0.10): "which parameter has “Administrative SSH” under
    /// “Value”?" is asked between the two ports. Without a row of the key's kind the model gives no verdict: the
    /// networking notes' DHCP parameters are one kind at 0.10–0.45 (Subnet Mask beside Default Gateway 0.30, Lease Time
    /// 0.20), and an absolute 0.3 alone cut three fair wrong choices of four. Not under a kind noun: there the model puts
    /// a wrong choice of 108 of the reserve's 204 table items under 0.3, nearly all fair (EIGRP and RIP 0.05, User EXEC
    /// and Global Config 0.10, TYPE and CWD 0.00), and a split of the row names into two groups flags 31 items, the ports
    /// among mostly fair ones (docs/quiz.md, "A table of things whose rows are of mixed kinds").</summary>
    internal static bool RowOfAnotherKind(NotesTable table, int key, int row, KindSimilarity kinds)
    {
        if (!HasAxisCorner(table) || kinds.Similarity(table.Cells[key][0], table.Cells[row][0]) is not { } like || like >= KindSimilarity.OtherKind - 1e-9)
        {
            return false;
        }

        // The first MaxLikenessRows rows only, as CellLikeness reads them: every wrong choice of every question a long
        // table could write would otherwise compare the key with every row (a table of a thousand rows, a billion).
        return table.Cells.Take(MaxLikenessRows).Where((_, o) => o != key && o != row)
            .Any(o => kinds.Similarity(table.Cells[key][0], o[0]) >= KindSimilarity.SameKind - 1e-9);
    }

    /// <summary>Rows as things: which thing has this cell, among the other rows' things of its kind
    /// (none of another kind by the model: <see cref="RowOfAnotherKind"/>).</summary>
    private static IEnumerable<Candidate> FromThings(NotesTable table, KindSimilarity kinds)
    {
        var things = table.Cells.Select(r => r[0]).ToList();
        if (things.Count < MinThingRows || things.Any(t => !IsTableChoice(t)) || things.Select(QuizText.Normalize).Distinct(StringComparer.Ordinal).Count() != things.Count
            || things.Average(QuizText.WordCount) > MaxTableThingWords || !IsNounHeader(table.Headers[0]) || ListsInColumns(table))
        {
            // Rows of phrases ("Advantages | Disadvantages": "Supports broadcast and multicast") are no things to name.
            yield break;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 1; c < table.Headers.Count; c++)
            {
                var cell = table.Cells[r][c];
                if (!IsTableCellAsked(cell) || table.Cells.Where((_, o) => o != r).Any(o => SaysItToo(o[c], cell)))
                {
                    continue;
                }

                var text = $"In the notes' table, which {HeaderWords(table.Headers[0])} has “{cell}” under “{table.Headers[c]}”?";
                var citation = new Citation(row.File, row.Section, row.LineStart, row.LineEnd, QuizText.OneLine(row.Text));
                var wrong = things.Where((t, o) => o != r && !ShowsItsUse(t, table.Cells[o][c]) && !RowOfAnotherKind(table, r, o, kinds)).Select(t => new Wrong(t, 1.0));
                var candidate = Assemble(
                    QuizQuestion.MakeId(row.File, row.LineStart.ToString(), c.ToString(), "Table"),
                    QuizQuestionKind.Definition, text, cell, string.Empty, things[r], wrong, $"{things[r]} — {table.Headers[c]}: {cell}", citation, things[r],
                    minWrong: 1);
                if (candidate is not null && !TableGiveaway(candidate.Question, cell))
                {
                    yield return candidate.Question.Choices.Count == 2 ? candidate with { Question = candidate.Question with { Kind = QuizQuestionKind.Contrast } } : candidate;
                    break;
                }
            }
        }
    }

    /// <summary>True when every header names a kind of one thing ("Creational Design Patterns | Structural Design Patterns |
    /// Behavioral Design Patterns"): each column is a list of its own, laid side by side, and a row relates nothing —
    /// "which creational pattern has Chain of Responsibility under Behavioral?" asks the page's layout (outside rating 53,
    /// P61).</summary>
    internal static bool ListsInColumns(NotesTable table) =>
        table.Headers.Count >= 2 && table.Headers.Skip(1).Aggregate(QuizText.ContentStems(table.Headers[0]), (shared, h) =>
        {
            shared.IntersectWith(QuizText.ContentStems(h));
            return shared;
        }).Count > 0;

    /// <summary>Columns compared: which compared thing has this row's cell, among the table's other compared things.</summary>
    private static IEnumerable<Candidate> FromComparison(NotesTable table)
    {
        var things = table.Headers.Skip(1).ToList();
        if (things.Any(t => !IsTableChoice(t)))
        {
            yield break;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var point = table.Cells[r][0];
            if (row.LineStart - table.HeaderLine > MaxComparisonCitationLines || QuizText.WordCount(point) is 0 or > MaxTableChoiceWords || point.EndsWith('?'))
            {
                continue;
            }

            // Each row asks of another column in turn, so the key is not the same thing every time.
            for (var step = 0; step < things.Count; step++)
            {
                var k = 1 + ((r + step) % things.Count);
                var cell = table.Cells[r][k];
                if (!IsTableCellAsked(cell) || Enumerable.Range(1, things.Count).Any(o => o != k && SaysItToo(table.Cells[r][o], cell)))
                {
                    continue;
                }

                var text = $"In the notes' comparison, which has “{cell}” for {point}?";
                var citation = new Citation(row.File, row.Section, table.HeaderLine, row.LineEnd, QuizText.OneLine(row.Text));
                var wrong = things.Where((_, o) => o + 1 != k).Select(t => new Wrong(t, 1.0));
                var candidate = Assemble(
                    QuizQuestion.MakeId(row.File, row.LineStart.ToString(), k.ToString(), "Comparison"),
                    QuizQuestionKind.Contrast, text, cell, point, things[k - 1], wrong, $"{things[k - 1]} — {point}: {cell}", citation, things[k - 1],
                    minWrong: 1);
                if (candidate is not null && !TableGiveaway(candidate.Question, cell))
                {
                    yield return candidate.Question.Choices.Count > 2 ? candidate with { Question = candidate.Question with { Kind = QuizQuestionKind.Definition } } : candidate;
                    break;
                }
            }
        }
    }

    /// <summary>True when a row's cell under the asked column says nothing of what its thing is: it is empty, or a use of
    /// the thing itself, opening with the thing as written ("dig www.pluralsight.com -t A" under "Purpose" for dig). The
    /// notes then leave open whether that thing also has the asked cell, so it is no fair wrong choice: "which tool has
    /// “test DNS resolution”" offered dig and nslookup beside host (outside rating 60, Q21). As written, because a
    /// description may open with the command's verb in its own case ("Copy IOS image …" for "copy tftp: flash:"), with an
    /// example's name in capitals ("RUNNER_OS" for the Runner scope) or with one word of a longer name ("Personal
    /// scripts" for "Personal Access Token (PAT)").</summary>
    internal static bool ShowsItsUse(string thing, string cell)
    {
        var cellWords = QuizText.Words(cell);
        var thingWords = QuizText.Words(thing);
        return cellWords.Count == 0 || thingWords.SequenceEqual(cellWords.Take(thingWords.Count), StringComparer.Ordinal);
    }

    /// <summary>A header as words inside a sentence: "Frame Type" → "frame type", an acronym as written ("VLAN type").</summary>
    private static string HeaderWords(string header) =>
        string.Join(' ', header.Split(' ').Select(w => w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).All(ch => !char.IsUpper(ch)) ? char.ToLowerInvariant(w[0]) + w[1..] : w));

    /// <summary>A thing to choose: a short name, not a list ("2, 1 — Data Link,", a row the parser cut) or a sentence.</summary>
    private static bool IsTableChoice(string text) =>
        text.Length is > 0 and <= MaxChoiceLength && QuizText.WordCount(text) <= MaxTableChoiceWords && text.Any(char.IsLetter)
        && !text.Contains(',', StringComparison.Ordinal) && !text.EndsWith('.');

    /// <summary>A header that reads as a noun inside "Which command has the purpose …": not a question ("What it does",
    /// "Why UDP?"), not a form with brackets ("Layer(s)", outside rating 44, T15, T20, T46), and not a clause the rows
    /// finish, ending on a word that needs what follows it (<see cref="QuizLexicon.DanglingEnds"/>: the data-science
    /// notes' "You need to:" over "Compare categories", which gave "which you need to has “Bar, Pie” under “You should
    /// use”?").</summary>
    private static bool IsNounHeader(string header) =>
        header.Length > 0 && !header.Contains('(', StringComparison.Ordinal) && !header.EndsWith('?')
        && !QuizLexicon.QuestionStarts.Contains(QuizText.FirstWord(header))
        && QuizText.Words(header) is { Count: > 0 } words && !QuizLexicon.DanglingEnds.Contains(words[^1]);

    /// <summary>True when the cell asked points to the key by its letters, not by what the notes say (outside rating 44):
    /// a cell word and a word of the key share their first <see cref="SharedStemLetters"/> letters and no wrong choice
    /// does ("Tracks full connection state" → Stateful Firewall); the key is an acronym the initials of the cell's words
    /// spell ("File descriptor" → FD) or an option whose letter opens a capitalised word of the cell and no wrong option's
    /// does ("n lines After the matching line" → -A, "Force execution" → -f); or the key is written in another case than
    /// every wrong choice ("data" among SMTP's STARTTLS, QUIT, MAIL FROM:).</summary>
    internal static bool TableGiveaway(QuizQuestion q, string cell)
    {
        var key = q.Answer;
        var wrong = q.Choices.Where((_, i) => i != q.AnswerIndex).ToList();
        var cellWords = QuizText.Words(cell).Select(w => w.ToLowerInvariant()).Where(w => w.Length >= SharedStemLetters).ToList();
        static IEnumerable<string> Stems(string choice) =>
            QuizText.Words(choice).Select(w => w.ToLowerInvariant()).Where(w => w.Length >= SharedStemLetters).Select(w => w[..SharedStemLetters]);
        var keyStems = Stems(key).ToHashSet(StringComparer.Ordinal);
        keyStems.ExceptWith(wrong.SelectMany(Stems));
        if (cellWords.Any(w => keyStems.Contains(w[..SharedStemLetters])))
        {
            return true;
        }

        if (ShortensCellWords(key, cell))
        {
            return true;
        }

        if (OptionLetter(key) is { } option)
        {
            var capitals = QuizText.Words(cell).Where(w => w.Length >= 3 && char.IsUpper(w[0])).Select(w => char.ToLowerInvariant(w[0])).ToHashSet();
            if (capitals.Contains(char.ToLowerInvariant(option)) && !wrong.Any(w => OptionLetter(w) is { } o && capitals.Contains(char.ToLowerInvariant(o))))
            {
                return true;
            }
        }

        static int Case(string text) => text.Any(char.IsLower) ? (text.Any(char.IsUpper) ? 0 : -1) : 1;
        return wrong.Count > 0 && Case(key) != 0 && wrong.All(w => Case(w) == -Case(key));
    }

    /// <summary>True when the key is a short name that consecutive words of the cell spell out: "FD" for "File
    /// descriptor", "#PV" for "physical volume", "MKD" for "Make directory" (outside ratings 44 and 45); that one word
    /// of the cell shortens, with at least half its letters ("PASV" for "Enter passive mode"); or whose start or end is
    /// the initials of a run of the cell's words ("OLDPWD" for "previous working directory"; outside rating 60, Q53 and
    /// Q30).</summary>
    private static bool ShortensCellWords(string key, string cell)
    {
        var letters = new string(key.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());
        if (key.Contains(' ', StringComparison.Ordinal) || letters.Length is < 2 or > MaxShortKeyLetters)
        {
            return false;
        }

        var words = QuizText.Words(cell).Where(w => w.Length > 0 && char.IsLetter(w[0])).ToList();
        if (letters.Length >= MinShortenedLetters && words.Any(w => letters.Length * 2 >= w.Length && QuizText.Abbreviates(letters, w)))
        {
            return true;
        }

        var initials = new string(words.Select(w => char.ToUpperInvariant(w[0])).ToArray());
        for (var part = MinShortenedLetters; part < letters.Length; part++)
        {
            if (initials.Contains(letters[..part], StringComparison.Ordinal) || initials.Contains(letters[^part..], StringComparison.Ordinal))
            {
                return true;
            }
        }

        for (var start = 0; start < words.Count; start++)
        {
            for (var length = 2; length <= letters.Length && start + length <= words.Count; length++)
            {
                if (QuizText.Abbreviates(letters, string.Join(' ', words.GetRange(start, length))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The letter of a command-line option ("-A n", "-f"), or null.</summary>
    private static char? OptionLetter(string choice) =>
        choice.Length >= 2 && choice[0] == '-' && char.IsLetter(choice[1]) && (choice.Length == 2 || !char.IsLetter(choice[2])) ? choice[1] : null;

    private static bool IsTableCellAsked(string cell)
    {
        var words = QuizText.WordCount(cell);
        return words is >= MinTableCellWords and <= MaxTableCellWords && cell.Count(char.IsLetter) * 2 >= cell.Count(ch => !char.IsWhiteSpace(ch));
    }
}
