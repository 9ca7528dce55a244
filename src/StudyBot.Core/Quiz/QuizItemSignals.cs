namespace StudyBot.Core.Quiz;

/// <summary>
/// Named signals of one finished quiz item, computed from the item and what the writer has at generation time (the
/// notes' counts, <see cref="QuizCorpus"/>, and the sentence model, <see cref="KindSimilarity"/>). The item-quality
/// model (<see cref="QuizItemModel"/>) weighs them; its weights are fitted on the outside readers' verdicts
/// (tests/data/quiz-ratings). A signal that does not apply to an item (a yes/no question has no wrong terms; without
/// the model there are no likenesses) is NaN and weighs nothing.
/// </summary>
internal static class QuizItemSignals
{
    /// <summary>The signals in the order <see cref="Of"/> returns them; the model file names them the same.</summary>
    public static readonly string[] Names =
    [
        "yes_no",
        "definition",
        "two_choices",
        "wrong_kind_mean",
        "wrong_kind_min",
        "stem_lead",
        "stem_key_like",
        "stem_words",
        "key_lines",
        "key_acronym",
        "wrong_listed",
        "wrong_titles",
        "wrong_related",
        "pointing",
        "length_gap",
        "labelled",
        "odd_one_out",
        "wrong_share_word",
        "glossed",
        "wrong_true_like",
        "shape_mismatch",
        "blank_first",
        "definition_key_like",
        "blank_key_like",
        "yes_no_words",
        "contrast",
        "contrast_frame",
        "contrast_parallel",
        "contrast_length_gap",
        "contrast_key_like",
        "wrong_other_file",
        "wrong_min_used",
        "choices_used",
        "wrong_supported",
        "likely_typo",
    ];

    /// <summary>Every signal of <paramref name="q"/>, in the order of <see cref="Names"/>.</summary>
    public static double[] Of(QuizQuestion q, QuizCorpus corpus, KindSimilarity kinds)
    {
        var (stem, label) = StemAndLabel(q);
        var wrong = Wrong(q);
        var terms = QuestionGenerator.NamesATerm(q.Kind);
        return
        [
            q.Kind == QuizQuestionKind.YesNo ? 1 : 0,
            q.Kind == QuizQuestionKind.Definition ? 1 : 0,
            TwoChoices(q),
            terms ? WrongKindMean(q, corpus, kinds) : double.NaN,
            terms ? WrongKindMin(q, corpus, kinds) : double.NaN,
            terms ? StemLead(q, stem, kinds) : double.NaN,
            terms ? StemKeyLike(q, stem, kinds) : double.NaN,
            StemWords(stem),
            terms ? KeyLines(q, corpus) : double.NaN,
            terms ? KeyAcronym(q) : double.NaN,
            terms ? WrongListed(q, corpus) : double.NaN,
            terms ? WrongTitles(wrong, corpus) : double.NaN,
            terms ? WrongRelated(q, stem) : double.NaN,
            q.Kind == QuizQuestionKind.FillInTheBlank ? Pointing(q, stem, corpus) : double.NaN,
            terms ? LengthGap(q) : double.NaN,
            label.Length > 0 ? 1 : 0,
            terms ? OddOneOut(q, kinds) : double.NaN,
            terms ? WrongShareWord(q) : double.NaN,
            terms ? Glossed(q) : double.NaN,
            terms ? WrongTrueLike(q, stem, corpus, kinds) : double.NaN,
            terms ? ShapeMismatch(q) : double.NaN,
            q.Kind == QuizQuestionKind.FillInTheBlank ? BlankFirst(stem) : double.NaN,
            q.Kind == QuizQuestionKind.Definition ? StemKeyLike(q, stem, kinds) : double.NaN,
            q.Kind == QuizQuestionKind.FillInTheBlank ? StemKeyLike(q, stem, kinds) : double.NaN,
            q.Kind == QuizQuestionKind.YesNo ? StemWords(stem) : double.NaN,
            q.Kind == QuizQuestionKind.Contrast ? 1 : 0,
            q.Kind == QuizQuestionKind.Contrast ? WrongTrueLike(q, stem, corpus, kinds) : double.NaN,
            q.Kind == QuizQuestionKind.Contrast ? Parallel(q, corpus, kinds) : double.NaN,
            q.Kind == QuizQuestionKind.Contrast ? LengthGap(q) : double.NaN,
            q.Kind == QuizQuestionKind.Contrast ? StemKeyLike(q, stem, kinds) : double.NaN,
            q.Kind == QuizQuestionKind.Definition ? WrongOtherFile(q, corpus) : double.NaN,
            terms ? WrongMinUsed(q, corpus) : double.NaN,
            terms ? ChoicesUsed(q, corpus) : double.NaN,
            q.Kind == QuizQuestionKind.FillInTheBlank ? WrongSupported(q, stem, corpus, kinds) : double.NaN,
            LikelyTypo(q, corpus),
        ];
    }

    /// <summary>How many likely typos of the notes the question copies into its text or choices
    /// (<see cref="LikelyTypos"/>: "columes", "simoltaneously"); NaN without the model's vocabulary. Not weighed by the
    /// model: the keep stage does not ask such a question (<see cref="QuestionGenerator"/>).</summary>
    internal static double LikelyTypo(QuizQuestion q, QuizCorpus corpus) =>
        corpus.Typos.Available ? corpus.Typos.In(q).Count : double.NaN;

    /// <summary>The part of the question that comes from the notes (a blank's sentence, a definition's quote, a yes/no
    /// question itself) and the section label shown with a blank ("Fill in the blank (Label): “…”"), or empty.</summary>
    internal static (string Stem, string Label) StemAndLabel(QuizQuestion q)
    {
        var text = q.Text;
        var open = text.IndexOf('“', StringComparison.Ordinal);
        var close = text.LastIndexOf('”');
        if (open < 0 || close <= open)
        {
            return (text, string.Empty);
        }

        var stem = text[(open + 1)..close];
        var head = text[..open];
        var l = head.IndexOf('(', StringComparison.Ordinal);
        var r = head.LastIndexOf("):", StringComparison.Ordinal);
        return (stem, l >= 0 && r > l ? head[(l + 1)..r] : string.Empty);
    }

    /// <summary>1 for a blank or a definition asked between two choices (a coin flip when the learner rules one out),
    /// 0 otherwise (yes/no questions are two choices by nature).</summary>
    internal static double TwoChoices(QuizQuestion q) => q.Kind != QuizQuestionKind.YesNo && q.Choices.Count == 2 ? 1 : 0;

    /// <summary>The wrong choices' mean likeness in kind to the key (<see cref="QuestionGenerator.KindLike"/>: the
    /// model, with the notes' company for acronyms); NaN without the model.</summary>
    internal static double WrongKindMean(QuizQuestion q, QuizCorpus corpus, KindSimilarity kinds) =>
        WrongKind(q, corpus, kinds) is { Count: > 0 } like ? like.Average() : double.NaN;

    /// <summary>The least kind likeness of a wrong choice to the key: the one a learner rules out first.</summary>
    internal static double WrongKindMin(QuizQuestion q, QuizCorpus corpus, KindSimilarity kinds) =>
        WrongKind(q, corpus, kinds) is { Count: > 0 } like ? like.Min() : double.NaN;

    /// <summary>How much more the model finds the stem like the key than like the nearest wrong choice (a stem word that
    /// says the key in other words leads); NaN without the model.</summary>
    internal static double StemLead(QuizQuestion q, string stem, KindSimilarity kinds)
    {
        var key = kinds.Similarity(stem, q.Answer);
        var others = Wrong(q).Select(w => kinds.Similarity(stem, w)).ToList();
        return key is { } k && others.Count > 0 && others.All(o => o is not null) ? k - others.Max(o => o!.Value) : double.NaN;
    }

    /// <summary>How like the stem the model finds the key: a quote that does not define its key, or a blank whose
    /// sentence is about something else, sits far from it; NaN without the model.</summary>
    internal static double StemKeyLike(QuizQuestion q, string stem, KindSimilarity kinds) =>
        kinds.Similarity(stem, q.Answer) ?? double.NaN;

    /// <summary>The stem's length in words, as a logarithm: a fragment says too little, a paragraph too much.</summary>
    internal static double StemWords(string stem) => Math.Log(1 + QuizText.WordCount(stem));

    /// <summary>In how many lines of the notes the key is written, as a logarithm: a term the notes return to is worth
    /// knowing; a title written nowhere else is one heading's name.</summary>
    internal static double KeyLines(QuizQuestion q, QuizCorpus corpus) => Math.Log(1 + corpus.Df(q.Answer));

    /// <summary>1 when the key is an acronym (letters a learner may recognise, or mix up with their siblings').</summary>
    internal static double KeyAcronym(QuizQuestion q) => QuizText.IsAcronym(q.Answer) ? 1 : 0;

    /// <summary>The share of wrong choices the notes list together with the key ("TCP and UDP", a table's column):
    /// the notes' own word that they are of one family.</summary>
    internal static double WrongListed(QuizQuestion q, QuizCorpus corpus)
    {
        var root = QuizCorpus.Root(q.Citation.File);
        var wrong = Wrong(q);
        return wrong.Count == 0 ? double.NaN : wrong.Count(w => corpus.ListedWith(q.Answer, w, root) > 0 || corpus.ListedWith(w, q.Answer, root) > 0) / (double)wrong.Count;
    }

    /// <summary>The share of wrong choices that are section headings of the notes (topics, not terms of the line).</summary>
    internal static double WrongTitles(IReadOnlyList<string> wrong, QuizCorpus corpus) =>
        wrong.Count == 0 ? double.NaN : wrong.Count(corpus.IsTitle) / (double)wrong.Count;

    /// <summary>For a definition, the share of wrong titles that head sections of other files only, not of the key's file
    /// (<see cref="QuizCorpus.TitleOnlyElsewhere"/>). Notes that cover a subject in several files ("each fact is repeated in
    /// several places") describe one thing under two titles: outside rating 16's "Audit Log API" (another exam's page)
    /// fits "Track who used Copilot, what features they accessed, and when" as well as the key "Audit Log Events" (U14).
    /// On the rated four-choice definitions, 74 of 118 with every wrong title from the key's file were good, 40 of 119
    /// with one or more from another file (defects 7 against 28).</summary>
    internal static double WrongOtherFile(QuizQuestion q, QuizCorpus corpus)
    {
        var wrong = Wrong(q);
        return wrong.Count == 0 ? double.NaN : wrong.Count(w => corpus.TitleOnlyElsewhere(w, q.Citation.File)) / (double)wrong.Count;
    }

    /// <summary>How often the notes' sentences use the least used wrong choice (<see cref="QuizCorpus.TextUses"/>), as a
    /// logarithm: a wrong choice written only as a heading ("Check Volume Group", "On server", "With LDAP") is a piece of
    /// the notes' layout, not a term of the subject, and a learner rules it out without knowing the subject. Alone, on
    /// the rated items of the fitted folds AUC 0.63; on review 17's Linux notes 0.73.</summary>
    internal static double WrongMinUsed(QuizQuestion q, QuizCorpus corpus)
    {
        var wrong = Wrong(q);
        return wrong.Count == 0 ? double.NaN : Math.Log(1 + wrong.Min(corpus.TextUses));
    }

    /// <summary>The share of all the choices, key included, that the notes' sentences use at all: a key that is only a
    /// heading ("Before mounting", "Classification Based on Purpose") asks where a line sits, not what it says.</summary>
    internal static double ChoicesUsed(QuizQuestion q, QuizCorpus corpus) =>
        q.Choices.Count == 0 ? double.NaN : q.Choices.Count(c => corpus.TextUses(c) > 0) / (double)q.Choices.Count;

    /// <summary>How nearly the notes, outside the cited lines, make a blank's wrong choice a second right answer
    /// (<see cref="SecondAnswer.Support"/>: 1 or more where the writer no longer offers it); the greatest over the wrong
    /// choices, NaN without the model.</summary>
    internal static double WrongSupported(QuizQuestion q, string stem, QuizCorpus corpus, KindSimilarity kinds) =>
        Wrong(q) is { Count: > 0 } wrong && kinds.Available
            ? wrong.Max(w => SecondAnswer.Support(stem, q.Answer, w, q.Citation.File, q.Citation.LineStart, q.Citation.LineEnd, corpus, kinds))
            : double.NaN;

    /// <summary>The share of wrong choices that share a content word with the stem: none, and the key is the only
    /// choice that looks related.</summary>
    internal static double WrongRelated(QuizQuestion q, string stem)
    {
        var stems = QuizText.ContentStems(stem);
        var wrong = Wrong(q);
        return wrong.Count == 0 ? double.NaN : wrong.Count(w => QuizText.ContentStems(w).Overlaps(stems)) / (double)wrong.Count;
    }

    /// <summary>How strongly a word of a blank's sentence points to the key: the largest share, over the sentence's
    /// content words, of the word's other lines in the notes that also hold the key, less the same share for the wrong
    /// choice it is most written with ("status code" with HTTP, "mailbox" with IMAP).</summary>
    internal static double Pointing(QuizQuestion q, string stem, QuizCorpus corpus)
    {
        var wrong = Wrong(q);
        var best = 0.0;
        foreach (var word in QuizText.ContentStems(stem.Replace("_____", " ", StringComparison.Ordinal)))
        {
            var (withKey, lines) = corpus.Cooccurrence(q.Answer, word, q.Citation.File, q.Citation.LineStart);
            if (lines == 0 || withKey == 0)
            {
                continue;
            }

            var other = wrong.Count == 0 ? 0 : wrong.Max(w => corpus.Cooccurrence(w, word, q.Citation.File, q.Citation.LineStart).WithTerm);
            best = Math.Max(best, (withKey - other) / (double)Math.Max(lines, 2));
        }

        return best;
    }

    /// <summary>How far the key's length is from the wrong choices' (|log| of the ratio of characters): the longest or
    /// shortest choice stands out.</summary>
    internal static double LengthGap(QuizQuestion q)
    {
        var wrong = Wrong(q);
        return wrong.Count == 0 ? double.NaN : Math.Abs(Math.Log(q.Answer.Length / wrong.Average(w => (double)w.Length)));
    }

    /// <summary>How much more alike the wrong choices are among themselves than to the key, by the model (mean
    /// likeness of each pair of wrong choices less their mean likeness to the key): UDP among SMTP, HTTP and FTP stands
    /// apart, a learner picks the one of another kind. NaN without the model or with one wrong choice.</summary>
    internal static double OddOneOut(QuizQuestion q, KindSimilarity kinds)
    {
        var wrong = Wrong(q);
        if (wrong.Count < 2 || !kinds.Available)
        {
            return double.NaN;
        }

        var among = new List<double>();
        for (var i = 0; i < wrong.Count; i++)
        {
            for (var j = i + 1; j < wrong.Count; j++)
            {
                among.Add(kinds.TermSimilarity(wrong[i], wrong[j]) ?? 0);
            }
        }

        return among.Average() - wrong.Average(w => kinds.TermSimilarity(q.Answer, w) ?? 0);
    }

    /// <summary>The share of wrong choices that share a word of their names with the key ("Transparent Proxy" beside
    /// "SOCKS Proxy", "Reserved Instances" beside "Spot Instances", SSE-C beside SSE-KMS): one family by name.</summary>
    internal static double WrongShareWord(QuizQuestion q)
    {
        var key = NameWords(q.Answer);
        var wrong = Wrong(q);
        return wrong.Count == 0 ? double.NaN : wrong.Count(w => NameWords(w).Overlaps(key)) / (double)wrong.Count;
    }

    /// <summary>1 when a choice carries a gloss or an expansion in brackets ("Unicast (One-to-One)", "STS (Security
    /// Token Service)"): the brackets say what the name means, and the quote may say it again.</summary>
    internal static double Glossed(QuizQuestion q) => q.Choices.Any(c => c.Contains('(', StringComparison.Ordinal)) ? 1 : 0;

    /// <summary>How nearly another line of the notes makes a wrong choice true: the model's greatest likeness between the
    /// stem said of a wrong choice (a blank filled with it; a definition's quote) and a line about that choice (a line
    /// that holds the wrong term and two of the stem's content words; a line of the wrong title's own section). 0 when
    /// no such line exists; NaN without the model.</summary>
    internal static double WrongTrueLike(QuizQuestion q, string stem, QuizCorpus corpus, KindSimilarity kinds)
    {
        if (!kinds.Available)
        {
            return double.NaN;
        }

        var best = 0.0;
        var stems = QuizText.ContentStems(stem);
        foreach (var w in Wrong(q))
        {
            var said = q.Kind == QuizQuestionKind.FillInTheBlank ? stem.Replace("_____", w, StringComparison.Ordinal) : stem;
            var lines = q.Kind == QuizQuestionKind.FillInTheBlank
                ? corpus.LinesWith(w, q.Citation.File, q.Citation.LineStart).Where(l => QuizText.ContentStems(l).Count(stems.Contains) >= 2)
                : corpus.SectionLines(w);
            foreach (var line in lines)
            {
                best = Math.Max(best, kinds.Similarity(line, said) ?? 0);
            }
        }

        return best;
    }

    /// <summary>For a contrast, the share of the key's section lines that the other section answers in the same frame
    /// (<see cref="QuestionGenerator.ContrastFrame"/> or more by the model): two counterparts written side by side
    /// point by point (Pure and Slotted Aloha, Active and Passive Mode) rather than two neighbouring headings that share
    /// a line by chance (Auto Scaling Alarms and Custom Metric, outside rating 15). NaN without the model.</summary>
    internal static double Parallel(QuizQuestion q, QuizCorpus corpus, KindSimilarity kinds)
    {
        var own = corpus.SectionLines(q.Answer).ToList();
        var other = Wrong(q).SelectMany(corpus.SectionLines).ToList();
        if (!kinds.Available || own.Count == 0 || other.Count == 0)
        {
            return double.NaN;
        }

        return own.Count(l => other.Any(o => kinds.Similarity(l, o) >= QuestionGenerator.ContrastFrame - 1e-9)) / (double)own.Count;
    }

    /// <summary>The share of wrong choices of another shape than the key (letters beside a name, one word beside
    /// several, capitals beside lower case): a learner rules out what does not look like the others.</summary>
    internal static double ShapeMismatch(QuizQuestion q)
    {
        static (bool, int, bool) Shape(string c) => (QuizText.IsAcronym(c), Math.Min(3, QuizText.WordCount(QuizText.WithoutBrackets(c))), c.Any(char.IsLower));
        var key = Shape(q.Answer);
        var wrong = Wrong(q);
        return wrong.Count == 0 ? double.NaN : wrong.Count(w => Shape(w) != key) / (double)wrong.Count;
    }

    /// <summary>1 when a blank opens its sentence ("_____ is a declarative way …"): the sentence is about the key.</summary>
    internal static double BlankFirst(string stem) => stem.TrimStart().StartsWith("_____", StringComparison.Ordinal) ? 1 : 0;

    private static HashSet<string> NameWords(string name) =>
        QuizText.Words(QuizText.WithoutBrackets(name)).SelectMany(w => w.Split('-')).Where(w => w.Length >= 2 && !QuizLexicon.Determiners.Contains(w))
            .Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static List<string> Wrong(QuizQuestion q) => q.Choices.Where((_, i) => i != q.AnswerIndex).ToList();

    private static List<double> WrongKind(QuizQuestion q, QuizCorpus corpus, KindSimilarity kinds)
    {
        var like = Wrong(q).Select(w => QuestionGenerator.KindLike(q.Answer, w, corpus, kinds)).ToList();
        return like.All(l => l is not null) ? like.Select(l => l!.Value).ToList() : [];
    }
}
