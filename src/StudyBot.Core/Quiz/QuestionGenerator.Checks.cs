using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Stage 4, checks: why a written question is not worth asking (<see cref="Check"/>, null when it is): the key, its
/// words, acronym or expansion shown in the stem (<see cref="DistinctiveWordVisible"/>, <see cref="AcronymShown"/>,
/// <see cref="KeyWordsShown"/>, <see cref="ExpansionVisible"/>), a right choice that is the only one related to the stem
/// (<see cref="OnlyRelated"/>), wrong choices from too far, without the key's partner or of another kind
/// (<see cref="PartnerMissing"/>, <see cref="KindCheck"/>); a stem word that points to a blank's key alone
/// (<see cref="StemPointsToKey"/>); and, for every question, exactly one right choice the cited lines hold
/// (<see cref="IsSound"/>) and no wrong choice shouted in capitals (<see cref="HasShoutedChoice"/>). In: a
/// <see cref="Candidate"/> (or its question). Out: a reason or null; true or false.
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>Blanks need wrong choices mostly from the key's own family: "parking lot ___" with SSH and GUI is
    /// answered by elimination.</summary>
    private const double MinBlankFamily = 1.0;

    /// <summary>Lines, other than the cited one, in which a stem word must meet the key before it can point to it: one
    /// shared line is chance; two were the least at which the outside rating's pointing words (HTTP's "status code",
    /// IMAP's "mailbox") showed in the corpora.</summary>
    private const int MinPointingLines = 2;

    /// <summary>The share of a stem word's lines that must also hold the key for the word to point to it: "status" is
    /// written with HTTP in most of its lines, "root" (TLD's "root server") in few. A half keeps the words a learner
    /// links to one term by everyday knowledge and leaves words the notes use all over; read off the corpora, where
    /// the flagged words of the outside rating sit at 0.5 and above and the everyday ones ("addresses", "server") far
    /// under.</summary>
    private const double PointingShare = 0.5;

    /// <summary>The share of an acronym key's letters, from its first, that the initials of consecutive stem words must
    /// spell to give it away. Half: "attribute based" spells AB of ABAC, the half that tells it from RBAC; "command-line"
    /// two thirds of CLI (the outside rating of 2026-11-30, C1 and C12, which the whole-acronym check of
    /// <see cref="QuizText.Reveals"/> missed). Under half, two words spell two letters of a long acronym by chance.</summary>
    private const double SpeltAcronymShare = 0.5;

    /// <summary>The longest acronym whose spelt-out start is looked for: a longer run of capitals is shouted English
    /// ("VARIABLES"), not letters that stand for words.</summary>
    private const int MaxAcronymLetters = 6;

    /// <summary>How many of the key's own words the stem must hold, more than it holds of any wrong choice's, to name
    /// the key: two ("The TCP header is 20 bytes …" holds TCP and header of "TCP Segment Header", while each wrong
    /// choice, "UDP Header", "TCP 3-Way Handshake", shares one; outside rating C7). One shared word is what a family
    /// has in common ("Packet Switching" beside "Packet Routing" for "Data is divided into packets").</summary>
    private const int MinShownKeyWords = 2;

    /// <summary>How often the notes must list the key with one other term (<see cref="QuizCorpus.ListedWith"/>: a pair
    /// "TCP and UDP" counts 1, a list of n terms 1/(n−1) for each) before that term is the key's firm partner, the one
    /// thing a learner weighs the key against. Read off the corpora's blanks against the fifth outside rating: the keys
    /// whose blanks were guessable for a lone transport protocol are UDP and TCP (paired 43.6 times), HTTPS (with HTTP
    /// 6.4 on the networking notes, 15 on the AWS notes); ACK (with SYN 5.6) is the only other key this high. Under it
    /// the notes' lists are too sparse to say what the key must be asked beside (CloudFront, listed once with a CDN;
    /// BGP with OSPF 2.7, whose wrong choices are listed with it anyway).</summary>
    private const double MinPartnerListings = 5;

    /// <summary>The share of the firm partner's listings that the best-listed wrong choice needs for the key not to stand
    /// alone of its kind. Measured on the fifth outside rating: guessable, UDP among DHCP, FTP, SMTP (0.06 of 43.6:
    /// 0.001), TCP among SMTP, DNS, SSH (0.001), HTTPS among IMAP, DNS, POP3 (0.6 of 6.35: 0.094); good, ACK among FIN,
    /// RST, ISN (0.6 of 5.6: 0.107), HTTP among UDP, API, SMTP (0.197) or IMAP, FTP, SMTP (0.31). The two nearest
    /// verdicts sit either side of a tenth, so the line is thin there; the lone transport protocols are far under it.</summary>
    private const double PartnerShare = 0.1;

    /// <summary>Added to the rank of a wrong choice as near the stem as the key: more than any rank the model gives
    /// (likeness, family and sentence together stay under 3), so such a choice is taken before every other.</summary>
    private const double NearStemLead = 10;

    /// <summary>Exactly one correct choice, no two equal choices, and the cited lines hold the key term.</summary>
    internal static bool IsSound(QuizQuestion q, IReadOnlyList<string>? fileLines)
    {
        if (q.Choices.Count < 2 || q.AnswerIndex < 0 || q.AnswerIndex >= q.Choices.Count)
        {
            return false;
        }

        if (q.Choices.Select(QuizText.Normalize).Distinct(StringComparer.Ordinal).Count() != q.Choices.Count
            || q.Choices.Any(c => QuizText.Normalize(c).Length == 0))
        {
            return false;
        }

        if (fileLines is null)
        {
            return QuizText.ContainsNormalized(q.Explanation, q.KeyTerm);
        }

        if (q.Citation.LineStart < 1 || q.Citation.LineEnd > fileLines.Count || q.Citation.LineEnd < q.Citation.LineStart)
        {
            return false;
        }

        var cited = string.Join('\n', fileLines.Skip(q.Citation.LineStart - 1).Take(q.Citation.LineEnd - q.Citation.LineStart + 1));
        return QuizText.ContainsNormalized(cited, q.KeyTerm);
    }

    /// <summary>True when a word of the blank's sentence points to the key alone: the notes write it with the key in
    /// <see cref="MinPointingLines"/> other lines or more, and in <see cref="PointingShare"/> or more of its lines,
    /// but never with any wrong choice ("status code" with HTTP beside API, IP and URL; "mailbox" with IMAP). A
    /// learner links such a word to the key by everyday knowledge, without the notes.</summary>
    internal static bool StemPointsToKey(QuizQuestion q, string masked, Passage cited, QuizCorpus corpus)
    {
        var wrong = q.Choices.Where((_, i) => i != q.AnswerIndex).ToList();
        foreach (var stem in QuizText.ContentStems(masked))
        {
            var (withKey, lines) = corpus.Cooccurrence(q.Answer, stem, cited);
            if (withKey >= MinPointingLines && withKey >= PointingShare * lines
                && wrong.All(w => corpus.Cooccurrence(w, stem, cited).WithTerm == 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when, as the question is shown (in the notes' casing, <see cref="InNotesCasing"/>), a wrong choice
    /// of several words is written in capitals beside a key in lower case: a heading of the notes set in capitals
    /// ("TERRAFORM CLOUD DESTROY" beside "terraform apply", "terraform destroy"), not a term written like the others, and a
    /// learner rules it out by its look (rated a defect by 7 of the 12 outside readers who saw it). Not asked.</summary>
    internal static bool HasShoutedChoice(QuizQuestion q) =>
        NamesATerm(q.Kind) && q.Choices.Where((_, i) => i != q.AnswerIndex).Any(w => ShoutedBeside(w, q.Answer));

    /// <summary>One wrong choice against the key (<see cref="HasShoutedChoice"/>).</summary>
    internal static bool ShoutedBeside(string wrong, string key) =>
        !wrong.Any(char.IsLower) && key.Any(char.IsLower)
        && QuizText.Words(wrong).Count(w => w.Length >= ShoutedWordLength && w.All(c => !char.IsLetter(c) || char.IsUpper(c))) >= 2;

    /// <summary>The shortest word in capitals that is a word set in capitals rather than an acronym ("CLOUD", "DESTROY";
    /// "AWS KMS" and "EC2 AMI" are names of letters).</summary>
    private const int ShoutedWordLength = 5;

    /// <summary>What <see cref="Check"/> answers for a stem with two finite verbs in a row (<see cref="QuizText.HasTwoFiniteVerbsInARow"/>).</summary>
    internal const string GarbledStem = "two finite verbs in a row: a garbled line";

    /// <summary>What <see cref="Check"/> answers for a key that names the course or its exam
    /// (<see cref="QuizLexicon.CourseSubjects"/>).</summary>
    internal const string KeyAboutTheCourse = "a key that names the course or its exam";

    /// <summary>What <see cref="Check"/> answers for a stem that is a formula (<see cref="QuizText.IsFormula"/>).</summary>
    internal const string FormulaStem = "a formula, mostly symbols, as the stem";

    /// <summary>What <see cref="Check"/> answers for a blank whose key the stem writes in another form
    /// (<see cref="CountedOut"/>).</summary>
    internal const string FormulaCountedOut = "the stem writes the key's formula in another form";

    /// <summary>What <see cref="Check"/> answers for a stem that opens with a word standing for what an earlier line named
    /// (<see cref="OpensWithReference"/>).</summary>
    internal const string StemOpensWithReference = "the stem opens with a pronoun for what a line before it named";

    /// <summary>True when a quoted line opens with a pronoun, possessive or demonstrative (<see cref="QuizLexicon.ReferringOpeners"/>):
    /// "It will not continue until it receives _____." under "Interpretation", "This is why many hardware commands require
    /// _____.", "It attaches the filesystem on /dev/sdb1 …" as a contrast of two headings. What the word stands for is in
    /// the lines before, which the question does not show, so the learner guesses what is meant or several choices fit.
    /// The candidate stage already refuses such a sentence inside a paragraph (<see cref="IsSentenceFact"/>) and such a
    /// defining line (<see cref="IsDefiningLine"/>); a line taken whole, a blank with its section shown and a contrast's
    /// line (whose "it" or "they" check, <see cref="SpeaksOfUnnamedSubject"/>, knows only a lexicon verb after it) were
    /// still asked. Not a definition's line: it says what its title is, so its "this" is the key ("This wire is for
    /// sending data from the peripheral to the controller." for MISO, rated good twice).</summary>
    internal static bool OpensWithReference(string stem) => QuizLexicon.ReferringOpeners.Contains(QuizText.FirstWord(stem));

    /// <summary>Why a question is not worth asking, or null: the key visible in the stem or label in any form, a right
    /// choice that is the only one related to the stem, table pipes, several blanks, a generic key.</summary>
    internal static string? Check(Candidate c, QuizCorpus corpus, KindSimilarity? kinds = null)
    {
        kinds ??= KindSimilarity.None;
        var q = c.Question;
        if (QuizText.Words(c.Stem).Any(corpus.IsSlipOfCommoner))
        {
            return "a slip of the notes' keyboard in the stem";
        }

        // Outside rating 35 (V17): "Partially managed, user is has flexibility" quoted as a stem; a learner reads a line
        // the notes garbled, and a teacher would not ask it as written.
        if (QuizText.HasTwoFiniteVerbsInARow(c.Stem))
        {
            return GarbledStem;
        }

        if (QuizText.IsFormula(c.Stem))
        {
            return FormulaStem;
        }

        if (q.Kind == QuizQuestionKind.FillInTheBlank && CountedOut(c.Stem, q.Answer))
        {
            return FormulaCountedOut;
        }

        // Outside rating 59 (Q9): "Which of these is described in the notes as 'Fundamentals of general chemistry'?" keyed
        // "Program of the Course" against "Course Web Page": which heading of the syllabus a line sits under tests no
        // chemistry. A key that names the course or its exam is the page's own furniture.
        if (NamesATerm(q.Kind) && QuizText.Words(q.Answer).Any(QuizLexicon.CourseSubjects.Contains))
        {
            return KeyAboutTheCourse;
        }

        if (q.Kind == QuizQuestionKind.YesNo)
        {
            return c.Stem.Contains('|', StringComparison.Ordinal) ? "table pipe" : null;
        }

        // Outside ratings 14–43: a blank's or a contrast's line that opens with "It", "This" or "These".
        if (q.Kind is QuizQuestionKind.FillInTheBlank or QuizQuestionKind.Contrast && OpensWithReference(c.Stem))
        {
            return StemOpensWithReference;
        }

        if (c.Stem.Contains('|', StringComparison.Ordinal) || q.Text.Contains('|', StringComparison.Ordinal))
        {
            return "table pipe";
        }

        if (CountBlanks(q.Text) > 1)
        {
            return "several blanks";
        }

        if (NamesATerm(q.Kind)
            && (QuizText.Reveals(c.Stem, q.Answer) || (c.Label.Length > 0 && QuizText.Reveals(c.Label, q.Answer))))
        {
            return "key visible";
        }

        if (q.Kind is not QuizQuestionKind.QuestionAnswer && DistinctiveWordVisible(q, c.Stem))
        {
            return "a word of the key visible";
        }

        if (NamesATerm(q.Kind) && AcronymShown(q, c.Stem, c.Label))
        {
            return "acronym of the key spelt out";
        }

        if (NamesATerm(q.Kind) && KeyWordsShown(q, c.Stem))
        {
            return "the key's words in the stem";
        }

        // Whatever the wrong choices: a learner who sees "removes" beside rm needs nothing more, though "directories"
        // also points at mkdir.
        if (NamesATerm(q.Kind) && AbbreviatesAStemWord(q.Answer, c.Stem))
        {
            return "the key abbreviates a stem word";
        }

        if (q.Kind is QuizQuestionKind.FillInTheBlank && c.Family < MinBlankFamily)
        {
            return "wrong choices from too far";
        }

        if (q.Kind is QuizQuestionKind.FillInTheBlank && PartnerMissing(q, corpus))
        {
            return "the key's partner missing";
        }

        if (q.Kind is QuizQuestionKind.FillInTheBlank or QuizQuestionKind.Topic && ExpansionVisible(c.Stem, corpus.Expansion(q.Answer)))
        {
            return "expansion visible";
        }

        if (q.Kind is QuizQuestionKind.FillInTheBlank && (corpus.IsShouted(q.Answer) || QuizLexicon.GenericHeadingWords.Contains(q.Answer)))
        {
            return "generic key";
        }

        if (OnlyRelated(q, c.Stem))
        {
            return "only related choice";
        }

        return KindCheck(c, corpus, kinds);
    }

    /// <summary>With the model: why the wrong choices let a learner answer by elimination, or null. A blank's wrong
    /// choices mostly of another kind than the key (RAM and JSON beside ECS); a key far more like the stem than every
    /// wrong choice (the stem says the key in other words).</summary>
    internal static string? KindCheck(Candidate c, QuizCorpus corpus, KindSimilarity kinds)
    {
        var q = c.Question;
        if (!kinds.Available || !NamesATerm(q.Kind))
        {
            return null;
        }

        var wrong = q.Choices.Where((_, i) => i != q.AnswerIndex).ToList();
        if (q.Kind == QuizQuestionKind.FillInTheBlank && KindSimilarity.OfAnotherKind(wrong.Select(w => KindLike(q.Answer, w, corpus, kinds)).ToList()))
        {
            return "wrong choices of another kind";
        }

        if (KindSimilarity.StandsOut(kinds.Similarity(c.Stem, q.Answer), wrong.Select(w => kinds.Similarity(c.Stem, w)).ToList(), GiveawayMarginOf(q, corpus)))
        {
            return KeyStandsOut;
        }

        return null;
    }

    /// <summary>The lead over every wrong choice in likeness to the stem that gives the key away, by kind of question and,
    /// for a definition, by how many titles it offers and whether its own name says something in everyday words.</summary>
    private static double GiveawayMarginOf(QuizQuestion q, QuizCorpus? corpus = null) => q.Kind switch
    {
        QuizQuestionKind.Definition when q.Choices.Count > 2 && corpus is not null && NamesInEverydayWords(q, corpus) => KindSimilarity.ManyTitlesGiveawayMargin,
        // A topic item's choices are titles too: the topics of sibling pages or sections.
        QuizQuestionKind.Definition or QuizQuestionKind.Contrast or QuizQuestionKind.Topic => KindSimilarity.TitleGiveawayMargin,
        _ => KindSimilarity.GiveawayMargin,
    };

    /// <summary>True when a word of the right title that no wrong title holds is one the notes write in lower case: an
    /// English word, which a learner reads by its everyday meaning ("Caching" in Caching Proxy). A name the notes only
    /// write as a name ("Dilbert" in The Dilbert Principle, beside The Peter Principle: rated good by both readers)
    /// says nothing by itself; the model's lead there is what it knows of the world.</summary>
    internal static bool NamesInEverydayWords(QuizQuestion q, QuizCorpus corpus)
    {
        var others = q.Choices.Where((_, i) => i != q.AnswerIndex).SelectMany(w => QuizText.Words(QuizText.WithoutBrackets(w)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return QuizText.Words(QuizText.WithoutBrackets(q.Answer)).Any(w => !others.Contains(w) && corpus.IsLowerCaseWord(w));
    }

    /// <summary>A blank's wrong choices again, those as near the sentence as the key (within the giveaway margin of it)
    /// taken first: where the first pick let the key stand out ("resync" beside TERRAFORM REFRESH among commands the
    /// model finds far from it), a fairer wrong term from the same pool takes the place of a far one, and the question is
    /// kept rather than dropped. Every check still runs on the new pick; when the pool has no such term it is the same
    /// pick again and the check drops it. Not for a definition's titles: the one title it brought back ("S3 Transfer
    /// Acceleration" for "Faster upload of large objects") was near the quote because it is also true of it.</summary>
    internal static IEnumerable<Wrong> NearStemFirst(IEnumerable<Wrong> wrong, Candidate first, KindSimilarity kinds)
    {
        var q = first.Question;
        if (kinds.Similarity(first.Stem, q.Answer) is not { } keyLike)
        {
            return wrong;
        }

        var least = keyLike - GiveawayMarginOf(q) + KindSimilarity.Step;
        return wrong.Select(w => kinds.Similarity(first.Stem, w.Text) >= least - 1e-9 ? w with { Rank = w.Rank + NearStemLead } : w);
    }

    /// <summary>The longest name read as a short form of words (a command, "rm", "lsof", "pandoc"): longer names are words
    /// of their own.</summary>
    private const int MaxShortFormLetters = 8;

    /// <summary>How many first letters of a stem word a short name may hold inside it and point to it ("zip" in
    /// "unzip" for "Zip archives", "doc" in "pandoc" for "documents").</summary>
    private const int ShortFormPrefix = 3;

    /// <summary>True when a short lower-case name is made from a word of the stem (outside rating 47: 11 of 33 command
    /// items answered by the name alone): its letters in order inside one word that starts with its first letter ("rm"
    /// in "removes", "ls" in "lists", "cat" in "concatenate", "man" in "manual"), the first letters of words in a row
    /// ("nl": "Number lines"), or the first <see cref="ShortFormPrefix"/> letters of a word inside it ("unzip": "Zip",
    /// "pandoc": "documents"). A name in capitals is an acronym, which <see cref="AcronymShown"/> reads.</summary>
    internal static bool AbbreviatesAStemWord(string name, string stem)
    {
        var key = name.Trim();
        if (key.Length is < 2 or > MaxShortFormLetters || !key.All(ch => char.IsLower(ch) || char.IsDigit(ch)) || !char.IsLetter(key[0]))
        {
            return false;
        }

        // Content words of the stem only, not the template's: "is described" spells no "id".
        static bool Content(string w) => w.Length >= ShortFormPrefix && w.All(char.IsLetter) && !QuizLexicon.StopWords.Contains(w) && !QuizLexicon.TemplateWords.Contains(w);
        var all = QuizText.Words(stem).Select(w => w.ToLowerInvariant()).ToList();
        var words = all.Where(Content).ToList();
        var inARow = Enumerable.Range(0, Math.Max(0, all.Count - key.Length + 1))
            .Any(i => all.Skip(i).Take(key.Length).All(Content) && string.Concat(all.Skip(i).Take(key.Length).Select(w => w[0])) == key);
        return words.Any(w => w != key && w.Length > key.Length && QuizText.Abbreviates(key, w))
            || (key.All(char.IsLetter) && inARow)
            || words.Any(w => w != key && key.Contains(w[..ShortFormPrefix], StringComparison.Ordinal));
    }

    /// <summary>True when a word of the right choice is in the stem and in no wrong choice: "Conditions are used to …"
    /// gives away "CloudFormation Conditions" among other CloudFormation features.</summary>
    internal static bool DistinctiveWordVisible(QuizQuestion q, string stem)
    {
        // Compared on four letters: "rolls back" shows "Rollbacks".
        static HashSet<string> Short(string text) => QuizText.Tokens(text).Select(t => t.Length > 4 ? t[..4] : t).ToHashSet(StringComparer.Ordinal);
        var distinctive = Short(q.Answer);
        var words = QuizText.Words(q.Answer).SelectMany(w => w.Split('-')).Where(w => w.Length >= 4 && !QuizLexicon.GenericHeadingWords.Contains(w))
            .Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var wrong in q.Choices.Where((_, i) => i != q.AnswerIndex))
        {
            distinctive.ExceptWith(Short(wrong));
            words.ExceptWith(QuizText.Words(wrong).Select(w => w.ToLowerInvariant()));
        }

        // Whole words too, also inside a longer one: "Stateless" shows "Stateless Protocols" beside "Stateful
        // Protocols"; "ElastiCache" shows "DB Cache"; "forwarding" shows "Store-and-Forward".
        var stemWords = QuizText.Words(stem).Select(w => w.ToLowerInvariant()).ToList();
        return distinctive.Overlaps(Short(stem)) || words.Any(w => stemWords.Any(s => s.Contains(w, StringComparison.Ordinal)));
    }

    /// <summary>True when the stem or label spells an acronym of the key: the initials of consecutive words spell
    /// <see cref="SpeltAcronymShare"/> of its letters or more from the first ("attribute based" → ABAC, "command-line"
    /// → CLI VARIABLES) and no wrong choice's acronym starts with them; or the stem puts in brackets an acronym that
    /// shortens the key and no wrong choice ("_____ (TFC) is a free … platform" → Terraform Cloud).</summary>
    internal static bool AcronymShown(QuizQuestion q, string stem, string label)
    {
        var wrong = q.Choices.Where((_, i) => i != q.AnswerIndex).ToList();
        static string Letters(string acronym) => new(acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());
        foreach (var acronym in QuizText.Words(QuizText.WithoutBrackets(q.Answer)).Where(w => QuizText.IsAcronym(w) && Letters(w).Length is >= 3 and <= MaxAcronymLetters))
        {
            var letters = Letters(acronym);
            var spelt = Math.Max(QuizText.SpeltLetters(stem, acronym), QuizText.SpeltLetters(label, acronym));
            if (spelt > 0 && spelt >= SpeltAcronymShare * letters.Length
                && !wrong.Any(w => QuizText.Words(w).Any(x => QuizText.IsAcronym(x) && Letters(x).StartsWith(letters[..spelt], StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return SuffixSpelt(q.Answer, wrong, stem + " " + label)
            || QuizText.BracketedAcronyms(stem + " " + label).Any(a => QuizText.Abbreviates(a, q.Answer) && !wrong.Any(w => QuizText.Abbreviates(a, w)));
    }

    /// <summary>True when the key is a hyphenated acronym whose first part its wrong choices share ("SSE-C" beside
    /// "SSE-S3", "SSE-KMS") and the stem spells the part that tells it from them, but no wrong choice's: "managed by
    /// the customer" → the C of SSE-C (outside ratings 6 and 7, S7 and C40: the two-choice item was answered by the
    /// letter). One letter is spelt by a word of four letters or more that starts with it.</summary>
    internal static bool SuffixSpelt(string key, IReadOnlyList<string> wrong, string stem)
    {
        static (string Head, string Tail)? Split(string choice)
        {
            var name = QuizText.WithoutBrackets(choice).Trim();
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            return dash > 0 && dash < name.Length - 1 && QuizText.IsAcronym(name) ? (name[..dash], name[(dash + 1)..]) : null;
        }

        bool Spelt(string tail) => tail.All(char.IsLetter) && tail.Length <= 3
            && (tail.Length == 1
                ? QuizText.Words(stem).Any(w => w.Length >= 4 && char.ToUpperInvariant(w[0]) == char.ToUpperInvariant(tail[0]))
                : QuizText.SpeltLetters(stem, tail) == tail.Length);

        if (Split(key) is not { } k)
        {
            return false;
        }

        var siblings = wrong.Select(Split).Where(w => w is { } x && string.Equals(x.Head, k.Head, StringComparison.OrdinalIgnoreCase)).Select(w => w!.Value.Tail).ToList();
        return siblings.Count > 0 && Spelt(k.Tail) && !siblings.Any(Spelt);
    }

    /// <summary>True when the stem holds <see cref="MinShownKeyWords"/> or more of the key's own words and fewer of every
    /// wrong choice's: "The TCP header …" names "TCP Segment Header" beside "UDP Header" and "TCP 3-Way Handshake". Or
    /// when it holds every word of the key and of no wrong choice: "CloudWatch provides metrics …" spells "CloudWatch
    /// Metrics" beside "AWS CloudWatch Custom Metrics", which shares as many words but adds one the stem never says
    /// (outside review 12).</summary>
    internal static bool KeyWordsShown(QuizQuestion q, string stem)
    {
        var stemTokens = QuizText.Tokens(stem);
        int Shared(string choice) => QuizText.Tokens(choice).Count(stemTokens.Contains);
        bool Spelt(string choice) => QuizText.Tokens(choice) is { Count: > 0 } words && words.All(stemTokens.Contains);
        var key = Shared(q.Answer);
        var wrong = q.Choices.Where((_, i) => i != q.AnswerIndex).ToList();
        return key >= MinShownKeyWords && (wrong.All(w => Shared(w) < key) || (Spelt(q.Answer) && !wrong.Any(Spelt)));
    }

    /// <summary>True when the notes give the key a firm partner (listed with it <see cref="MinPartnerListings"/> times
    /// or more: "TCP and UDP", "TCP vs UDP") and no wrong choice is listed with the key a <see cref="PartnerShare"/> as
    /// often: the partner is not among the choices (excluded as also true, or in the label), so the key is the only
    /// choice of its kind — UDP among DHCP, FTP and SMTP — and a learner picks it by elimination. The sentence model does
    /// not see this (all four are "protocols" to it); the notes' own lists do.</summary>
    internal static bool PartnerMissing(QuizQuestion q, QuizCorpus corpus)
    {
        var root = QuizCorpus.Root(q.Citation.File);
        var top = corpus.TopListed(q.Answer, root);
        return top >= MinPartnerListings - 1e-9
            && q.Choices.Where((_, i) => i != q.AnswerIndex).All(w => corpus.ListedWith(q.Answer, w, root) < (PartnerShare * top) - 1e-9);
    }

    /// <summary>True when the stem holds most words of the key's expansion in any order or form: "___ is about
    /// preparing for and recovering from a disaster" spells Disaster Recovery, "___ control lists" Access Control
    /// Lists.</summary>
    internal static bool ExpansionVisible(string stem, string? expansion)
    {
        if (expansion is null)
        {
            return false;
        }

        var words = QuizText.Stems(expansion);
        return words.Count > 0 && words.Count(QuizText.Stems(stem).Contains) * 2 >= words.Count;
    }

    /// <summary>True when the right choice is the only one sharing a content word with the stem: a learner picks it
    /// without knowing anything.</summary>
    internal static bool OnlyRelated(QuizQuestion q, string stem)
    {
        var stems = QuizText.ContentStems(stem);
        bool Related(string choice) => QuizText.ContentStems(choice).Overlaps(stems);
        return Related(q.Answer) && !q.Choices.Where((_, i) => i != q.AnswerIndex).Any(Related);
    }

    /// <summary>True when the key is a molecular formula and the stem writes a formula of the same atoms in another form:
    /// "The five-carbon alkane CH3CH2CH2CH2CH3 called pentane, has mol formula _____" is answered by counting the
    /// condensed formula's C and H, C5H12 among C6H14 and C12H26 (outside ratings 59, Q1 and Q3, and 62, P9).</summary>
    internal static bool CountedOut(string stem, string key)
    {
        if (TexMath.ElementCounts(key.Trim()) is not { } atoms)
        {
            return false;
        }

        return QuizText.Words(stem).Select(TexMath.ElementCounts).Any(w => w is not null && w.Count == atoms.Count
            && w.All(e => atoms.TryGetValue(e.Key, out var n) && n == e.Value));
    }
}
