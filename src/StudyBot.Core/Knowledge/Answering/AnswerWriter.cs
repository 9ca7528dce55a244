using System.Text;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// The last stage: the verdict (Yes / No / none), the lead sentence and the citations of a ranked, accepted answer;
/// or the decline with related sections. Knowledge writes no chat prose beyond this lead: the chat formatter does.
/// </summary>
internal static class AnswerWriter
{
    private const int MaxCitations = 3;
    private const int MaxCitedLines = 8;

    /// <summary>A "how do I" answer cited at prose goes on to the command under it when that command ends within this many
    /// lines of the citation's start and this many passages of the cited one (<see cref="CitedSpan"/>).</summary>
    private const int MaxCitedLinesToCommand = 12;

    private const int MaxPassagesToCommand = 3;

    /// <summary>A list follows a paragraph at once when it starts within this many lines of the paragraph's end (one
    /// blank line between them, as markdown writes it).</summary>
    private const int MaxLinesBeforeList = 2;
    private const int MaxSnippetChars = 400;

    /// <summary>A further citation is shown when its fitted score is within this many logits of the best one
    /// (at least e⁻² ≈ 14 % as likely to answer): a presentation choice, not the answer/decline decision.</summary>
    internal const double CitationScoreGap = 2.0;

    /// <summary>A declined question lists sections holding at least this share of it as related notes.</summary>
    private const double RelatedCoverage = 0.3;

    public static Answer Write(KnowledgeIndex index, QuestionAnalysis question, IReadOnlyList<Signals.Candidate> ranked, AnswerModel.Variant? variant = null)
    {
        var highlighter = NewHighlighter(Candidates.TermsQuery(question.Content, KnowledgeIndex.BodyField));
        var citations = new List<Citation>();
        var texts = new List<string>();
        var cited = new List<Signals.Candidate>();
        var spans = new List<Span>();
        var sections = new HashSet<string>(StringComparer.Ordinal);
        var first = default(Span);
        var floor = ranked[0].Score - CitationScoreGap;
        for (var at = 0; at < ranked.Count; at++)
        {
            var candidate = ranked[at];
            if (citations.Count == MaxCitations || (citations.Count > 0 && candidate.Score < floor))
            {
                break;
            }

            var entry = index.Entry(candidate.Id);
            if (!sections.Add(entry.SectionKey))
            {
                continue;
            }

            var own = citations.Count == 0 ? FirstCitedSpan(index, question, candidate) : CitedSpan(index, candidate, extend: false);
            first = citations.Count == 0 ? own : first;
            var span = WithNeighbours(index, ranked, at, own, floor);
            citations.Add(new Citation(entry.Passage.File, entry.Passage.Section, span.Start, span.End, Highlight(index, highlighter, Truncate(span.Text))));
            texts.Add(own.Text);
            cited.Add(candidate);
            spans.Add(span);
        }

        // The lead is written from the best candidate's own cited text (ranked[0] always opens the loop): past a link-only
        // title line and, for a question that is no yes/no one, as far as its last whole sentence.
        var best = index.Entry(ranked[0].Id);
        var leadText = PastPointer(best, question.IsYesNo ? texts[0] : WholeSentences(index, ranked[0].Id, first));
        var (verdict, lead) = AnswerText(index, question, best, leadText, ranked[0]["semantic"], variant);
        var sides = QuestionAnalyzer.ComparedSides(question);
        if (Comparison.Complement(index, sides, cited) is { } citedOther && !question.IsYesNo)
        {
            // Both sides made the citations on their own ("SSE-S3 or SSE-C?" cites both keys' sections): the lead says
            // the second side too, as it does when the comparison brings that side in below.
            var entry = index.Entry(citedOther.Id);
            lead = $"{lead.TrimEnd('.', ' ')}. {AnswerText(index, question, entry, texts[cited.IndexOf(citedOther)], citedOther["semantic"], variant).Lead}";
        }
        else if (OtherSide(index, sides, ranked, cited) is { } other)
        {
            var entry = index.Entry(other.Id);
            var shared = cited.FindIndex(c => index.Entry(c.Id).SectionKey == entry.SectionKey);
            if (shared >= 0 && WithNeighbours(index, [cited[shared], other], 0, spans[shared], double.NegativeInfinity) is var widened
                && widened.Start <= entry.Passage.LineStart && widened.End >= entry.Passage.LineEnd)
            {
                // The other side is a line of a cited section ("Client-side encryption protects data at rest and
                // transit" under "Server-side Encryption protects data at rest", both under "Data Encryption"): that
                // citation widens to hold it, and the lead says it after the first side.
                citations[shared] = citations[shared] with { LineStart = widened.Start, LineEnd = widened.End, Snippet = Highlight(index, highlighter, Truncate(widened.Text)) };
                if (!question.IsYesNo)
                {
                    lead = $"{lead.TrimEnd('.', ' ')}. {Capitalize(Clean(Flowing(entry.Passage)))}";
                }
            }
            else if (OtherSide(index, sides, ranked, cited, sections) is { } apart)
            {
                entry = index.Entry(apart.Id);
                var span = CitedSpan(index, apart, extend: !question.IsYesNo, otherSide: true);
                var citation = new Citation(entry.Passage.File, entry.Passage.Section, span.Start, span.End, Highlight(index, highlighter, Truncate(span.Text)));
                if (citations.Count == MaxCitations)
                {
                    citations[^1] = citation;
                }
                else
                {
                    citations.Add(citation);
                }

                // The lead says both sides; a yes/no lead stays the clause its verdict was read from.
                if (!question.IsYesNo)
                {
                    lead = $"{lead.TrimEnd('.', ' ')}. {AnswerText(index, question, entry, entry.Passage.Text, apart["semantic"], variant).Lead}";
                }
            }
        }

        return new Answer(question.Question, true, verdict, lead, citations, []);
    }

    /// <summary>For a question that sets two things side by side (<see cref="QuestionAnalyzer.ComparedSides"/>), the best
    /// ranked passage that speaks of the side no citation speaks of, or null. A citation speaks of a side when its own
    /// text or section title names it; a heading above does not ("Elastic Kubernets Service" written under "Elastic
    /// Container Service" names ECS only by its place, and its lines say nothing of ECS). Asked "what is the difference
    /// between ECS and EKS?", the reader otherwise sees EKS's lines alone. The first citation and the verdict are the
    /// ranker's as before; the added one is the last, and a lead that is no yes/no clause says it too.</summary>
    /// <param name="apart">Only from sections not in this set (the cited ones), as a citation of its own.</param>
    /// <param name="sides">The question's <see cref="QuestionAnalyzer.ComparedSides"/>.</param>
    internal static Signals.Candidate? OtherSide(
        KnowledgeIndex index, (IReadOnlyList<Concept> A, IReadOnlyList<Concept> B)? sides, IReadOnlyList<Signals.Candidate> ranked, IReadOnlyList<Signals.Candidate> cited,
        IReadOnlySet<string>? apart = null)
    {
        if (sides is not var (a, b))
        {
            return null;
        }

        var (hasA, hasB) = (cited.Any(c => Comparison.NamesSide(index, c, a, b)), cited.Any(c => Comparison.NamesSide(index, c, b, a)));
        if (hasA == hasB)
        {
            return null;
        }

        var (present, missing) = hasA ? (a, b) : (b, a);
        return apart is null
            ? ranked.FirstOrDefault(c => !cited.Contains(c) && Comparison.SpeaksOf(index, c, missing, present) is (true, false))
            : ranked.FirstOrDefault(c => !apart.Contains(index.Entry(c.Id).SectionKey) && Comparison.NamesSide(index, c, missing, present));
    }

    /// <summary>The polite decline, with the closest sections as "related notes" when some share part of the
    /// question (never presented as the answer).</summary>
    public static Answer Decline(KnowledgeIndex index, string question, IReadOnlyList<Signals.Candidate> ranked)
    {
        var related = new List<Citation>();
        var sections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in ranked.Where(r => r["coverage"] >= RelatedCoverage))
        {
            var entry = index.Entry(candidate.Id);
            if (related.Count == MaxCitations || !sections.Add(entry.SectionKey) || entry.Passage.Section.Length == 0)
            {
                continue;
            }

            var line = entry.SectionLine > 0 ? entry.SectionLine : entry.Passage.LineStart;
            related.Add(new Citation(entry.Passage.File, entry.Passage.Section, line, line, entry.Passage.Section));
        }

        return new Answer(question, false, AnswerVerdict.None, string.Empty, [], related);
    }

    internal readonly record struct Span(int Start, int End, string Text);

    /// <summary>A section is cited once, so its citation also covers the section's other candidates that the ranker
    /// scored within <see cref="CitationScoreGap"/> of the best answer and that lie within
    /// <see cref="MaxCitedLines"/> of it: when it cannot tell two neighbouring lines apart ("T1 renews at 50 %",
    /// "T2 rebinds at 87.5 %"), the reader sees both rather than only the one that scored a little higher.</summary>
    internal static Span WithNeighbours(KnowledgeIndex index, IReadOnlyList<Signals.Candidate> ranked, int at, Span own, double floor)
    {
        var entry = index.Entry(ranked[at].Id);
        var (start, end) = (own.Start, own.End);
        for (var i = at + 1; i < ranked.Count && ranked[i].Score >= floor; i++)
        {
            var other = index.Entry(ranked[i].Id);
            if (other.SectionKey != entry.SectionKey)
            {
                continue;
            }

            var (from, to) = (Math.Min(start, other.Passage.LineStart), Math.Max(end, other.Passage.LineEnd));
            if (to - from + 1 <= MaxCitedLines)
            {
                (start, end) = (from, to);
            }
        }

        if (start == own.Start && end == own.End)
        {
            return own;
        }

        // The section's passages between the two ends, in the order of the notes (entries of a section are
        // consecutive).
        var first = ranked[at].Id;
        while (first > 0 && index.Entry(first - 1).SectionKey == entry.SectionKey && index.Entry(first - 1).Passage.LineStart >= start)
        {
            first--;
        }

        var parts = new List<string>();
        for (var id = first; id < index.Count && index.Entry(id).SectionKey == entry.SectionKey && index.Entry(id).Passage.LineStart <= end; id++)
        {
            parts.Add(Flowing(index.Entry(id).Passage));
        }

        return new Span(start, end, string.Join("\n", parts));
    }

    /// <summary>The lines the first citation gives for a candidate (<see cref="CitedSpan"/> as <see cref="Write"/> calls
    /// it, so the evaluation counts what the reader is shown): a question that is no yes/no one also gets the lines its
    /// passage introduces, and a how-question the command below its prose. A how-question by its asking clause too
    /// ("…, how do i get it back"): the kind reads the clause, AsksHow (the ranker's <c>code_for_how</c>, fitted on it)
    /// the opening only — read from the clause there, the refit moved the polarity thresholds and one more wrong Yes/No
    /// with them (docs/answers.md).</summary>
    /// <param name="throughList">Whether a paragraph's citation goes on through the list it introduces
    /// (<see cref="IntroducesList"/>), as the answer shows it. The evaluation's ranker labels leave it out: they mark the
    /// passages that answer by their own lines, and a paragraph marked right for its list's words taught the refitted
    /// rankers to lift intros that match little (leave-one-corpus-out strict 824 → 820, docs/answers.md).</param>
    internal static Span FirstCitedSpan(KnowledgeIndex index, QuestionAnalysis question, Signals.Candidate candidate, bool throughList = true) =>
        CitedSpan(index, candidate, extend: !question.IsYesNo, toCommand: (question.AsksHow || question.Kind == QuestionKind.How) && !question.IsYesNo, throughList: throughList);

    /// <summary>The lines to cite: the passage, from the title it leads when the question names that title (or it is
    /// its section's first passage), and for a question that names the section, the next passages of that section
    /// (a few lines, never the file).</summary>
    /// <param name="otherSide">The passage is the other side of a comparison (<see cref="OtherSide"/>): its next lines
    /// are cited whether or not the question names its title, since they say what that side is.</param>
    /// <param name="toCommand">The question asks how to do something: prose goes on through the section's next code
    /// block when it is near (<see cref="MaxCitedLinesToCommand"/>).</param>
    /// <param name="throughList">A paragraph goes on through the list that follows it (<see cref="IntroducesList"/>).</param>
    internal static Span CitedSpan(KnowledgeIndex index, Signals.Candidate candidate, bool extend, bool otherSide = false, bool toCommand = false, bool throughList = true)
    {
        var entry = index.Entry(candidate.Id);
        var passage = entry.Passage;
        var start = passage.LineStart;
        var end = passage.LineEnd;
        var parts = new List<string> { Flowing(passage) };
        var titleLine = candidate.Lead?.Line
            ?? (entry.IndexInSection == 0 && entry.SectionLine > 0 ? entry.SectionLine : 0);
        var withTitle = titleLine > 0 && titleLine < start && start - titleLine <= 4
            && passage.Kind != PassageKind.QuestionAnswer && end - titleLine < MaxCitedLines;
        if (withTitle)
        {
            start = titleLine;
        }

        // A line that ends in a colon ("VPC Endpoints:") says what the lines after it are; alone it answers nothing.
        var opensLines = passage.Kind is PassageKind.Bullet or PassageKind.Paragraph && passage.Text.TrimEnd().EndsWith(':');
        var namesTitle = withTitle && (candidate.TitleFit >= 0.6 || otherSide);
        var listOnly = throughList && !namesTitle && !opensLines && IntroducesList(index, candidate.Id);
        if (extend && (namesTitle || opensLines || listOnly))
        {
            for (var next = candidate.Id + 1; next < index.Count && parts.Count < 4; next++)
            {
                var following = index.Entry(next);
                if (following.SectionKey != entry.SectionKey || following.Passage.LineEnd - start + 1 > MaxCitedLines
                    || (listOnly && following.Passage.Kind != PassageKind.Bullet))
                {
                    break;
                }

                parts.Add(Flowing(following.Passage));
                end = following.Passage.LineEnd;
            }
        }

        if (toCommand && passage.Kind != PassageKind.Code)
        {
            // "How do I get it back?" cited at the section's prose ("If you accidentally do `git reset --hard`, you can
            // normally still get your commit back, as …") is not answered until the reader sees the command below it:
            // the citation goes on through the first code block of its section, or one title down, when it is near.
            var covered = end;
            for (var next = candidate.Id + 1; next < index.Count && next - candidate.Id <= MaxPassagesToCommand; next++)
            {
                var following = index.Entry(next);
                if ((following.SectionKey != entry.SectionKey && !(following.Passage.File == passage.File && following.Passage.IsOneTitleUnder(passage.HeadingPath))) || following.Passage.LineEnd - start + 1 > MaxCitedLinesToCommand)
                {
                    break;
                }

                if (following.Passage.LineEnd <= covered)
                {
                    if (following.Passage.Kind == PassageKind.Code)
                    {
                        break;
                    }

                    continue;
                }

                if (following.Passage.Kind == PassageKind.Code)
                {
                    for (var id = candidate.Id + 1; id <= next; id++)
                    {
                        if (index.Entry(id).Passage.LineEnd > covered)
                        {
                            parts.Add(Flowing(index.Entry(id).Passage));
                        }
                    }

                    end = following.Passage.LineEnd;
                    break;
                }
            }
        }

        return new Span(start, end, string.Join("\n", parts));
    }

    /// <summary>True when the passage is a paragraph that a list follows at once in its section ("Making an accessible
    /// table … can be broken down into two main things." over "1. Add a table caption. 2. Mark row and column headings
    /// …"; "Most cloud computing services fall into three categories: …" over a bullet for each): the paragraph says
    /// what the list is and the list says it, so a question answered by the paragraph is answered by both — cited
    /// alone, the answer named "two main things" and stopped.</summary>
    internal static bool IntroducesList(KnowledgeIndex index, int id)
    {
        var entry = index.Entry(id);
        if (entry.Passage.Kind != PassageKind.Paragraph || id + 1 >= index.Count)
        {
            return false;
        }

        var next = index.Entry(id + 1);
        return next.SectionKey == entry.SectionKey && next.Passage.Kind == PassageKind.Bullet
            && next.Passage.LineStart - entry.Passage.LineEnd <= MaxLinesBeforeList;
    }

    /// <summary>The text of a first citation as far as its last whole sentence, when it ends inside a sentence that the
    /// paragraph's next chunk goes on with: the parser cuts long paragraphs into chunks of a few lines, and a lead
    /// ending there read "… a system of ownership with a set of rules that the compiler checks. If". Unchanged when the
    /// text holds no sentence end, or when less than a fragment's words would be left.</summary>
    internal static string WholeSentences(KnowledgeIndex index, int id, Span span)
    {
        var section = index.Entry(id).SectionKey;
        var last = id;
        while (last + 1 < index.Count && index.Entry(last).Passage.LineEnd < span.End && index.Entry(last + 1).SectionKey == section)
        {
            last++;
        }

        var passage = index.Entry(last).Passage;
        var next = last + 1 < index.Count ? index.Entry(last + 1) : null;
        var continues = passage.Kind == PassageKind.Paragraph && passage.LineEnd == span.End && next is not null
            && next.Passage.Kind == PassageKind.Paragraph && next.Passage.LineStart == passage.LineEnd + 1
            && next.SectionKey == section;
        var text = span.Text.TrimEnd();
        if (!continues || text.Length == 0 || text[^1] is '.' or '!' or '?')
        {
            return span.Text;
        }

        var sentences = Sentences.Spans(text);
        if (sentences.Count <= 1)
        {
            return span.Text;
        }

        var kept = text[..(sentences[^2].End + 1)];
        return PolarityReader.Words(kept).Count < MinLeadWords ? span.Text : kept;
    }

    /// <summary>The least share of a passage's characters inside links that makes it a pointer to a source, not a
    /// statement: the whole line is one link.</summary>
    private const double PointerLinkShare = 0.99;

    /// <summary>The cited text a lead is written from: without its first line when that line is only a link to a
    /// source and the citation goes on past it. A page of laws sets "[Brooks' Law on Wikipedia](…)" under each heading,
    /// the line the title makes first, and the lead read "Brooks' Law on Wikipedia; Adding human resources to a late
    /// software development project makes it later"; the citation still shows the link.</summary>
    internal static string PastPointer(NoteEntry best, string citedText) =>
        best.LinkShare >= PointerLinkShare && best.Passage.Kind == PassageKind.Paragraph && citedText.IndexOf('\n', StringComparison.Ordinal) is var cut and > 0
            ? citedText[(cut + 1)..]
            : citedText;

    /// <summary>The verdict (for a yes/no question) and the lead sentence after it.</summary>
    private static (AnswerVerdict Verdict, string Lead) AnswerText(KnowledgeIndex index, QuestionAnalysis question, NoteEntry best, string citedText, double similarity, AnswerModel.Variant? variant)
    {
        var passage = best.Passage;
        if (!question.IsYesNo)
        {
            if (passage.Kind == PassageKind.QuestionAnswer)
            {
                return (AnswerVerdict.None, PairLead(passage));
            }

            return (AnswerVerdict.None, UnderItsLabel(index, passage, Clean(citedText)));
        }

        var (answer, clause, ownQuestion) = PolarityReader.Statement(index, question, passage);
        var verdict = PolarityReader.Verdict(index, question, passage, answer, clause, ownQuestion, similarity, variant);
        var quoted = ownQuestion ? (passage.Question is null ? SentenceOf(passage, clause) : answer)
            : passage.Kind is PassageKind.TableRow or PassageKind.Code ? clause
            : Shown(answer, clause);
        var rest = Lexicon.LeadingYesNo().Replace(Clean(quoted), string.Empty);
        if (rest.Length == 0)
        {
            rest = Clean(passage.Question ?? passage.Section);
            if (Lexicon.LeadingYesNo().Match(Clean(quoted.Length > 0 ? quoted : answer)) is { Success: true } bare)
            {
                // The notes answer a question of their own with a bare "no": the lead quotes both ("No — Can I use AWS
                // KMS Key to encrypt data in? No.", or "The notes say: …" when the verdict does not take it up), not the
                // question alone, which reads as if the notes had no answer or as the answer itself.
                rest = $"{rest.TrimEnd('?', ' ')}? {Capitalize(bare.Groups[1].Value.ToLowerInvariant())}.";
            }
        }
        else if (passage.Kind != PassageKind.QuestionAnswer && !string.IsNullOrEmpty(passage.Section))
        {
            rest = UnderItsLabel(index, passage, rest);
        }

        return (verdict switch { true => AnswerVerdict.Yes, false => AnswerVerdict.No, null => AnswerVerdict.Unsettled }, Capitalize(rest));
    }

    /// <summary>A lead's text after the label of its section ("EBS Encryption: by default it is not encrypted"), unless
    /// the text opens with that label already: a bold label that titles its own line ("**Red Team/Blue Team:** The red
    /// team simulates attacks …") was quoted as "Red Team/Blue Team: Red Team/Blue Team: …" under a yes/no verdict.</summary>
    private static string UnderItsLabel(KnowledgeIndex index, Passage passage, string text)
    {
        var label = LayoutHeadings.Label(index, passage);
        return string.IsNullOrEmpty(label) || text.StartsWith(label, StringComparison.OrdinalIgnoreCase) ? text : $"{label}: {text}";
    }

    /// <summary>How a lead quotes a question-answer pair of the notes: its answer, with its question before it when the
    /// answer is terse ("no", "Yes we can") or opens with Yes or No, since it answers that question, not the one asked
    /// ("what is AWS WAF?" → "Yes - you can use it indirectly …" read as if WAF were a yes).</summary>
    private static string PairLead(Passage passage)
    {
        var answerText = Clean(passage.AnswerText ?? passage.Text);
        var needsItsQuestion = answerText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 || Lexicon.LeadingYesNo().IsMatch(answerText);
        return needsItsQuestion && passage.Question is not null
            ? $"{Clean(passage.Question).TrimEnd('?', ' ')}? {Capitalize(answerText)}."
            : answerText;
    }

    /// <summary>The words of the notes a yes/no lead quotes: the clause the verdict was read from, or its whole line when
    /// that clause is a few words cut out of a short one. Asked "can I use WAF for a site hosted outside AWS?", the
    /// clause holding WAF in "Yes - you can use it indirectly because cloudfront can work on top of your server and then
    /// connect to WAF" is "connect to WAF", which says nothing on its own. Not for a table row, whose clause is the
    /// subject's cell, nor for code.</summary>
    internal static string Shown(string answer, string clause)
    {
        var line = Lexicon.LeadingYesNo().Replace(answer, string.Empty).Trim();
        if (PolarityReader.Words(clause).Count >= MinLeadWords || line.Length > MaxWholeLeadChars || line.Contains('\n', StringComparison.Ordinal))
        {
            return clause;
        }

        // The consequent of a condition ("then snapshot will be encrypted") is quoted from the condition on, not from
        // the line's start: the notes' "No we cannot if original is encrypted then snapshot will be encrypted" answers
        // a question of their own, and asked "is the snapshot of an encrypted volume encrypted?" the lead read
        // "Yes — We cannot if original is encrypted then snapshot will be encrypted".
        var at = line.IndexOf(clause, StringComparison.OrdinalIgnoreCase);
        var condition = at <= 0 ? null
            : Lexicon.WordPattern().Matches(line[..at]).LastOrDefault(w => Lexicon.ConditionOpeners.Contains(w.Value)) is { } opener ? line[opener.Index..] : null;
        return condition is not null && PolarityReader.Words(condition).Count >= MinLeadWords ? condition : line;
    }

    /// <summary>What a yes/no lead quotes of a passage that is no question-answer pair: a paragraph or bullet as it reads
    /// (<see cref="Flowing"/>), and of a long paragraph's sentences the one that holds the clause the verdict was read
    /// from, so a book's paragraph is not quoted whole, with its wrapped lines joined by "; " ("If you have a mutable
    /// reference to; a value, you can have no other references to that value. This code that; attempts to …"). A
    /// sentence of a few words ("Yes.") says too little alone: then the whole text. Code and table rows stay as they
    /// are.</summary>
    internal static string SentenceOf(Passage passage, string clause)
    {
        if (passage.Kind is not (PassageKind.Paragraph or PassageKind.Bullet))
        {
            return passage.Text;
        }

        var prose = Flowing(passage);
        var sentences = Sentences.Of(prose);
        if (sentences.Count <= 1 || prose.Length <= MaxWholeParagraphChars)
        {
            return prose;
        }

        var said = PolarityReader.Words(clause);
        var sentence = sentences.MaxBy(s => PolarityReader.Words(s).Count(said.Contains))!.Trim();
        if (sentence.StartsWith('(') && !sentence.Contains(')', StringComparison.Ordinal))
        {
            // The sentence opens an aside that closes later ("(For example, a range like {1..20} cannot …"): quoted alone,
            // its bracket would never close.
            sentence = sentence[1..];
        }

        return PolarityReader.Words(sentence).Count < MinLeadWords ? prose : sentence;
    }

    /// <summary>The longest paragraph a yes/no lead quotes whole: two or three sentences, which often say the rule and
    /// its exception ("Users of an immutable reference don't expect the value to suddenly change … However, multiple
    /// immutable references are allowed …"); a longer one is quoted by the sentence the verdict was read from.</summary>
    private const int MaxWholeParagraphChars = 320;

    /// <summary>Fewer words than this make a clause a fragment (<see cref="Shown"/>).</summary>
    private const int MinLeadWords = 5;

    /// <summary>The longest line a yes/no lead quotes whole instead of a fragment of it: one line of notes.</summary>
    private const int MaxWholeLeadChars = 200;

    /// <summary>One highlighter per answer: the scorer reads the query once for all citations.</summary>
    private static Highlighter NewHighlighter(Query query) =>
        new(new SimpleHTMLFormatter("**", "**"), new QueryTermScorer(query))
        {
            TextFragmenter = new NullFragmenter(),
        };

    private static string Highlight(KnowledgeIndex index, Highlighter highlighter, string text)
    {
        try
        {
            return highlighter.GetBestFragment(index.Analyzer, KnowledgeIndex.BodyField, text) ?? text;
        }
        catch (InvalidTokenOffsetsException)
        {
            return text;
        }
    }

    private static string Truncate(string text) =>
        text.Length <= MaxSnippetChars ? text : string.Concat(text.AsSpan(0, MaxSnippetChars), "…");

    /// <summary>A passage's text as it reads: a paragraph or a bullet the notes wrapped at a width is one run of prose
    /// ("… could essentially enforce a non-negative restriction …", not "enforce a; non-negative restriction", which is
    /// how <see cref="Clean"/> joins separate lines). Code and table rows keep their lines.</summary>
    internal static string Flowing(Passage passage) =>
        passage.Kind is PassageKind.Paragraph or PassageKind.Bullet
            ? string.Join(' ', passage.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : passage.Text;

    /// <summary>Flattens passage text for an answer: one line, single spaces.</summary>
    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(builder[^1] is '.' or ':' or ';' or '?' or '!' ? " " : "; ");
            }

            builder.Append(line);
        }

        return Lexicon.Spaces().Replace(builder.ToString(), " ").Trim();
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
