using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// The terms the notes set together: in the same lines (<see cref="CoTerms"/>) and in one list, one table column or as
/// the compared columns of a table (<see cref="Listed"/>, <see cref="ListedWith"/>, <see cref="TopListed"/>): the
/// notes' own families, which wrong choices for a blank are drawn from and checked against
/// (<see cref="OfAnotherFamily"/>). The lists are read from the passages on first use.
/// </summary>
internal sealed partial class QuizCorpus
{
    /// <summary>Terms listed in the same lines as <paramref name="term"/> in one corpus ("CLB, ALB, NLB"; "Memcached
    /// and Redis"), most often first: the notes' own word for "the same kind of thing".</summary>
    public IReadOnlyList<string> CoTerms(string term, string root)
    {
        if (!_termPassages.TryGetValue(term, out var holders))
        {
            return [];
        }

        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in holders.Where(i => Root(_passages[i].File) == root))
        {
            foreach (var other in TermsOf(QuizText.OneLine(_passages[i].Text), _passages[i]).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!string.Equals(other, term, StringComparison.OrdinalIgnoreCase))
                {
                    counts[other] = counts.GetValueOrDefault(other) + 1;
                }
            }
        }

        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
    }

    /// <summary>The terms the notes of one corpus write in one list with <paramref name="term"/>
    /// (<see cref="QuizText.ListedRuns"/>: "TCP and UDP", "TCP vs UDP", "SOCKS4/SOCKS5", "MySQL, PostgreSQL, MariaDB"),
    /// or in one column of a table, or as the compared columns of one table ("TCP: … | UDP: …"): its siblings by the
    /// notes' own structure, much tighter than sharing a line ("DHCP uses UDP on port 67" lists nothing).</summary>
    public IReadOnlyCollection<string> Listed(string term, string root) =>
        ListedTerms.TryGetValue(root + "\u001f" + term.ToUpperInvariant(), out var set) ? set.Keys : EmptySet;

    /// <summary>How tightly the notes list two terms together: each list that holds both adds one over the number of
    /// the other members (a pair "TCP vs UDP" adds 1, a row of twenty protocols 0.05; a table comparing two columns
    /// "TCP: … | UDP: …" adds 1 per row).</summary>
    public double ListedWith(string term, string other, string root) =>
        ListedTerms.TryGetValue(root + "\u001f" + term.ToUpperInvariant(), out var set) ? set.GetValueOrDefault(other) : 0;

    /// <summary>The most the notes list <paramref name="term"/> with any one other term (<see cref="ListedWith"/>): how
    /// firmly they give it a partner (UDP with TCP 43.6 on the networking notes, SSH with TTY 2).</summary>
    public double TopListed(string term, string root) =>
        ListedTerms.TryGetValue(root + "\u001f" + term.ToUpperInvariant(), out var set) && set.Count > 0 ? set.Values.Max() : 0;

    /// <summary>True when the notes list the key firmly (<paramref name="minKeyListings"/> with one term or more) and the
    /// candidate in lists of its own, but never the two together nor with a common sibling: two families (PostgreSQL
    /// with MySQL and MariaDB; NoSQL with DB). Without lists on either side the notes say nothing.</summary>
    public bool OfAnotherFamily(string key, string candidate, string root, double minKeyListings)
    {
        var keys = Listed(key, root);
        var others = Listed(candidate, root);
        return TopListed(key, root) >= minKeyListings - 1e-9 && others.Count > 0
            && !keys.Contains(candidate, StringComparer.OrdinalIgnoreCase) && !others.Any(o => keys.Contains(o, StringComparer.OrdinalIgnoreCase));
    }

    private static readonly string[] EmptySet = [];

    /// <summary>Built on first use: only blanks ask for it.</summary>
    private Dictionary<string, Dictionary<string, double>> ListedTerms => _listedTerms ??= BuildListed();

    private Dictionary<string, Dictionary<string, double>>? _listedTerms;

    private Dictionary<string, Dictionary<string, double>> BuildListed()
    {
        var listed = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Link(string root, IReadOnlyList<string> run)
        {
            run = run.Where(t => QuizText.Terms(t).Any() || Introduced.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var a in run)
            {
                if (!listed.TryGetValue(root + "\u001f" + a.ToUpperInvariant(), out var set))
                {
                    set = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                    listed[root + "\u001f" + a.ToUpperInvariant()] = set;
                }

                foreach (var b in run.Where(b => !string.Equals(a, b, StringComparison.OrdinalIgnoreCase)))
                {
                    set[b] = set.GetValueOrDefault(b) + (1.0 / (run.Count - 1));
                }
            }
        }

        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in _passages)
        {
            var root = Root(p.File);
            var text = QuizText.OneLine(p.Text);
            var lines = titles.Add(p.File + "\u001e" + p.Section) ? new[] { text, QuizText.OneLine(p.Section) } : [text];
            foreach (var line in lines)
            {
                foreach (var run in QuizText.ListedRuns(line))
                {
                    Link(root, run);
                }

                foreach (var joined in QuizText.Terms(line).Where(t => t.Contains('/', StringComparison.Ordinal)))
                {
                    Link(root, joined.Split('/', StringSplitOptions.RemoveEmptyEntries));
                }
            }

            if (p.Kind != PassageKind.TableRow)
            {
                continue;
            }

            // A table row is "Header: cell | Header: cell": the headers that are terms are the compared things, and the
            // cells that are one term each fill one column with things of one kind ("Protocol: DHCP" in one row,
            // "Protocol: DNS" in the next), while a row mixes kinds ("DHCP | UDP | 67").
            var cells = text.Split(" | ").Select(c => c.Split(": ", 2)).Where(c => c.Length == 2).ToList();
            Link(root, cells.Select(c => c[0].Trim()).Where(QuizText.IsOneTerm).ToList());
            foreach (var c in cells.Where(c => QuizText.IsOneTerm(c[1])))
            {
                var column = root + "\u001f" + p.File + "\u001e" + p.Section + "\u001e" + c[0].Trim();
                if (!columns.TryGetValue(column, out var members))
                {
                    members = [];
                    columns[column] = members;
                }

                members.Add(c[1].Trim());
            }
        }

        foreach (var (column, members) in columns)
        {
            Link(column[..column.IndexOf('\u001f', StringComparison.Ordinal)], members.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        }

        return listed;
    }
}
