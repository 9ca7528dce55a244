using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Stage 3, wrong choices from the key's family: terms for a blank (<see cref="WrongTerms"/>), section titles for a
/// definition (<see cref="WrongTitles"/>), other answers for a Q&amp;A pair (<see cref="WrongStatements"/>), each a
/// <see cref="Wrong"/> with its family tier, closeness and a check run only when it would be taken; the kind and
/// family helpers they are ranked and ruled out by (<see cref="KindOf"/>, <see cref="KindLike"/>, <see cref="Family"/>,
/// <see cref="SameKindOfName"/>, <see cref="AreAlternatives"/>); and <see cref="Assemble"/>, which takes the best of
/// them and shuffles the choices. In: the key, its stem and the sections. Out: a <see cref="Candidate"/>, or null when
/// too few wrong choices are fair.
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>Titles that must open with a word for it to be a family name ("AWS …") rather than one subject seen from
    /// two sides ("ReAct Framework", "ReAct Cycle").</summary>
    private const int MinFamilyNameTitles = 3;

    /// <summary>The notes' company (<see cref="QuizCorpus.ContextSimilarity"/>) from which two acronyms are of one kind.
    /// Read off the corpora's pairs against the outside rating of 2026-11-30: kept pairs meet at 0.135 and above (ACK
    /// beside RST 0.135, ISN 0.136, FIN 0.29; CNAME beside MX, SOA, PTR 0.15; TLD beside NS 0.22), struck-out pairs
    /// mostly under it (RDS beside OS 0.06, DB 0.07; MAC beside LDAP, SCP, AP 0.03 or less; TLD beside MSSQL 0.125, DX
    /// 0.10; EC2 beside HTTP 0.10). A few struck-out pairs still pass (HTTP beside API 0.15); a higher bar lost the kept
    /// ones.</summary>
    private const double AcronymCompany = 0.13;

    /// <summary>The least likeness of a definition's key and a wrong title from under another heading, each shown with
    /// its headings (<see cref="Placed"/>). Read first off the corpora's thirteen two-choice definitions: the wrong titles
    /// the outside rating of 2026-11-30 struck out as of another kind sit at 0.45 and under ("Back-off Algorithm" for
    /// Go-Back-N 0.45, "Repeater" for Selective Repeat 0.4, "WPA2 Modes" for FTP's Active Mode 0.25, "Step-by-Step" for
    /// Cut-Through 0.15), the fair pair from farther at 0.8 (Network and Application Load Balancers); siblings under one
    /// parent sit at 0.7 to 0.95. Then held for every wrong title of a four-choice definition, measured on the rated
    /// definitions of outside reviews 8–11 (docs/quiz.md, "After the eleventh outside rating"): the items with two or
    /// three wrong titles under it (STS beside "CLI STS Decode Errors" 0.35, "S3 Security Policies" 0.4; RIP beside "UDP
    /// Communication Model" 0.4, HTTP 0.45; a load balancer's Layer 4 beside "Layer 3 Switch (SVI)" 0.15) were rated
    /// guessable or defective 18 times of 18; the fair lure nearest it, "Packet Routing" for Packet Switching, sits at
    /// 0.5. At 0.6 it would also strike out CloudFormation beside Cloud Computing (0.5, 0.55) and that fair lure, whose
    /// place then went to "Latency".</summary>
    private const double PlacedSameKind = 0.5;

    /// <summary>How often the notes must list the key with one term before its lists define its family, so that a wrong
    /// term listed only in other families is of another kind (<see cref="QuizCorpus.OfAnotherFamily"/>).</summary>
    private const double MinFamilyListings = 2;

    /// <summary>Context similarity (<see cref="QuizCorpus.ContextSimilarity"/>) from which a term is of the key's kind.</summary>
    private const double SameKind = 0.1;

    /// <summary>True when one of <paramref name="lines"/> says what <paramref name="quote"/> says, by the model
    /// (<see cref="SameLine"/>); only lines sharing two content words with it are shown to the model. False without it.</summary>
    internal static bool SaysTheSame(IEnumerable<string> lines, string quote, KindSimilarity kinds)
    {
        if (!kinds.Available)
        {
            return false;
        }

        var stems = QuizText.ContentStems(quote);
        return lines.Where(l => QuizText.ContentStems(l).Count(stems.Contains) >= 2)
            .Any(l => kinds.Similarity(l, quote) >= SameLine - 1e-9);
    }

    /// <summary>True when two titles share a word of their names, brackets and plural endings aside ("Dedicated Hosts"
    /// and "Dedicated Instances", "Bit Stuffing" and "Character (Byte) Stuffing", "AWS Shield" and "AWS Guardduty"): one
    /// family, where only the word that differs has to be known. Of review 5's eleven two-choice definitions the eight
    /// such pairs were all rated good; of the three with no shared word, "Micro Services"/"Monolithic" twice and
    /// RBAC/ABAC were guessable, "Grounding"/"Fine-Tuning" good.</summary>
    internal static bool NamesOfOneFamily(string a, string b)
    {
        // A vendor's acronym names a family ("AWS Shield", "AWS Guardduty") though it is too common to relate a choice
        // to a stem, so acronyms stay; a plural ending goes ("Load Balancer", "Load balancers").
        static HashSet<string> Names(string title) => QuizText.Words(QuizText.WithoutBrackets(title)).SelectMany(w => QuizText.IsAcronym(w) ? w.Split('-') : [w])
            .Where(w => QuizText.IsAcronym(w) || (!QuizLexicon.GenericHeadingWords.Contains(w) && !QuizLexicon.StopWords.Contains(w)))
            .Select(w => QuizText.IsAcronym(w) ? w.ToLowerInvariant() : w.ToLowerInvariant().TrimEnd('s'))
            .Where(w => w.Length >= 3)
            .ToHashSet(StringComparer.Ordinal);
        return Names(a).Overlaps(Names(b));
    }

    /// <summary>A title with the headings above it ("Active vs Passive Mode Active Mode"): what the model is shown to
    /// judge the title's kind in its place in the notes.</summary>
    private static string Placed(DefiningSection s) =>
        string.Join(' ', s.Definition.HeadingPath.Select(h => QuizText.OneLine(h)).Append(s.Title).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>The noun the blank is the modifier of, or null: "___ records", "the .com ___ server", "___
    /// certificates to encrypt …", "___ rules are stateless". Only the terms the notes write before that noun fill the
    /// slot (<see cref="QuizCorpus.FillsSlot"/>). A verb ("___ supports DAX", "___ selects routes"), an adverb, a
    /// participle or a small word after the blank makes no slot: the blank is a subject, and the model judges kind.</summary>
    internal static string? SlotHead(string masked, QuizCorpus? corpus = null)
    {
        var at = masked.IndexOf("_____", StringComparison.Ordinal);
        var after = masked[(at + 5)..];
        if (after.Length == 0 || !char.IsWhiteSpace(after[0]))
        {
            return null;
        }

        var words = QuizText.Words(after);
        if (words.Count == 0 || !after.TrimStart().StartsWith(words[0], StringComparison.Ordinal))
        {
            return null;
        }

        var word = words[0];
        if (word.Length < 3 || !word.All(char.IsLower) || QuizLexicon.StopWords.Contains(word) || QuizLexicon.DanglingEnds.Contains(word)
            || QuizLexicon.Verbs.Contains(word) || QuizLexicon.Auxiliaries.Contains(word)
            || word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal))
        {
            return null;
        }

        // A word in -s followed by another content word may be a verb with its object ("selects routes") rather than
        // a plural noun; it is a noun when a verb, a small word or the end follows ("rules are", "certificates to"),
        // or when the notes write it after an article ("the instances").
        var rest = after.TrimStart()[word.Length..];
        var next = QuizText.Words(rest);
        var endsHere = rest.Length == 0 || !char.IsWhiteSpace(rest[0]) || next.Count == 0;
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !endsHere
            && !(QuizLexicon.Verbs.Contains(next[0]) || QuizLexicon.Auxiliaries.Contains(next[0]) || QuizLexicon.StopWords.Contains(next[0])
                || QuizLexicon.DanglingEnds.Contains(next[0]))
            && corpus?.AfterArticle(word) != true)
        {
            return null;
        }

        return word;
    }

    /// <summary>"a" or "an" right before the blank, or null: then only choices that take the same article as the key
    /// fit the sentence ("an ___ server": SSH and SNMP, not TCP).</summary>
    internal static string? ArticleBefore(string masked)
    {
        var at = masked.IndexOf("_____", StringComparison.Ordinal);
        var before = QuizText.Words(masked[..at]);
        return before.Count > 0 && masked[..at].EndsWith(before[^1] + " ", StringComparison.Ordinal)
            && (string.Equals(before[^1], "a", StringComparison.OrdinalIgnoreCase) || string.Equals(before[^1], "an", StringComparison.OrdinalIgnoreCase))
            ? before[^1].ToLowerInvariant()
            : null;
    }

    /// <summary>Wrong choices for a blank: terms of the same shape (acronyms with acronyms, names with names) from
    /// sibling sections first, then the same file, then the same corpus; none the cited line holds, none another line
    /// of the notes would make true in this blank.</summary>
    private static IEnumerable<Wrong> WrongTerms(
        string key, Passage p, string text, string masked, List<DefiningSection> sections, QuizCorpus corpus, KindSimilarity kinds)
    {
        var shape = Shape(key, corpus.Introduced);

        // A code name the notes name by its kind ("the `.npmignore` file") is offered beside names of the same noun
        // only, whatever their letters (`package-lock.json` beside `.gitignore`, `PBKDF2` beside `scrypt`).
        var noun = corpus.Introduced.KindNounOf(key);
        var stems = QuizText.ContentStems(masked);
        var parentPath = p.HeadingPath.Take(Math.Max(0, p.HeadingPath.Count - 1)).ToList();
        var root = QuizCorpus.Root(p.File);
        // A title over a table, a diagram or code, or a lead-in over a list ("**Runner Context:**" over a table of
        // expressions), names a part of the page, not a thing of the key's kind (outside rating 16, U23: "Runner
        // Diagnostics", "Runner Information", "Runner Context" beside Self-Hosted Runners); definitions already offer
        // only titles of sections that open with words.
        var siblingTitles = sections.Where(s => s.Definition.File == p.File && s.Describes).Select(s => s.Title);
        var fileTerms = corpus.FileTerms(p.File, parentPath);
        var cited = QuizText.Normalize(text + " " + p.Section);
        var normalizedKey = QuizText.Normalize(key);
        var head = SlotHead(masked, corpus);
        var article = ArticleBefore(masked);
        var candidates = corpus.CoTerms(key, root).Select(t => (Text: t, Tier: 1.5))
            .Concat(fileTerms.Siblings.Select(t => (Text: t, Tier: 1.0)))
            .Concat(fileTerms.File.Select(t => (Text: t, Tier: 0.5)))
            .Concat(siblingTitles.Where(t => QuizText.WordCount(t) <= 3).Select(t => (Text: t, Tier: 0.5)))
            .Concat(corpus.RootTerms(root).Select(t => (Text: t, Tier: 0.25)))
            .Concat(corpus.Introduced.Contains(key) ? corpus.Introduced.OfCorpus(p.File).Select(t => (Text: t, Tier: 0.25)) : [])
            .Select(c => (Text: InKeysNumber(key, c.Text, corpus), c.Tier)).Where(c => c.Text is not null).Select(c => (Text: c.Text!, c.Tier))
            .Where(c => (noun is null ? Shape(c.Text, corpus.Introduced) == shape && SimilarLength(c.Text, key)
                    : string.Equals(corpus.Introduced.KindNounOf(c.Text), noun, StringComparison.Ordinal))
                && (shape != TermShape.Subcommand || IntroducedTerms.Program(c.Text) == IntroducedTerms.Program(key)));

        // The costly checks run lazily, on the few candidates Assemble actually takes. A term the notes use in the same
        // company as the key is of its kind wherever it sits: it counts as a sibling. With the model, its likeness to
        // the key decides instead (see KindSimilarity): near the key first, never right beside it nor far from it.
        return candidates.Select(c => KindOf(key, c.Text, c.Tier, corpus, kinds)).Select(c => new Wrong(
            c.Text, c.Tier, () =>
        {
            var n = QuizText.Normalize(c.Text);
            return c.Fits
                && !cited.Contains(n, StringComparison.Ordinal) && !NamedShort(cited, n)
                && !n.Contains(normalizedKey, StringComparison.Ordinal) && !normalizedKey.Contains(n, StringComparison.Ordinal)
                && !(corpus.Introduced.IsCode(key) && string.Equals(IntroducedTerms.CodeBase(key), IntroducedTerms.CodeBase(c.Text), StringComparison.Ordinal))
                && !(shape == TermShape.Subcommand && corpus.Introduced.RunsIn(c.Text, p))
                && !corpus.IsShouted(c.Text) && !QuizLexicon.GenericHeadingWords.Contains(c.Text)
                && !CasedApart(corpus.UsualForm(key), corpus.UsualForm(c.Text))
                && !(corpus.IsTitle(c.Text) && corpus.IsTopicHeading(c.Text, key))
                && (corpus.IsRealTerm(c.Text) || c.Tier >= 0.5)
                && !corpus.Interchangeable(key, c.Text)
                && !corpus.Nests(key, c.Text, p.File)
                && !corpus.OfAnotherFamily(key, c.Text, root, MinFamilyListings)
                && (head is null || corpus.FillsSlot(c.Text, head))
                && (article is null || QuizText.TakesAn(c.Text) == QuizText.TakesAn(key))
                && !corpus.AlsoTrue(c.Text, stems, p)
                && !SaysTheSame(corpus.LinesWith(c.Text, p), masked.Replace("_____", c.Text, StringComparison.Ordinal), kinds)
                && !SecondAnswer.Defensible(masked, key, c.Text, p.File, p.LineStart, p.LineEnd, corpus, kinds);
        }, c.Closeness, kinds.Available ? KindSimilarity.Rank(c.Closeness, c.Tier, kinds.Similarity(masked, c.Text)) : 0));
    }

    /// <summary>True when one term is written in lower-case words and the other in capitalised names, as shown: a command
    /// beside a product ("terraform init" beside "Terraform Cloud"), a term of a sentence beside headings ("cron daemon"
    /// beside "System Daemons", "User Crontabs"). A learner rules out the one that does not look like the others (outside
    /// ratings 25–27: "Terraform Cloud is a product, not a command one can execute"). Acronyms and code are neither.</summary>
    internal static bool CasedApart(string key, string wrong)
    {
        static bool Lower(string w) => w.All(c => !char.IsLetter(c) || char.IsLower(c));
        static bool Named(string w) => char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower);
        var k = QuizText.Words(key);
        var o = QuizText.Words(wrong);
        return k.Count > 0 && o.Count > 0 && ((k.All(Lower) && o.All(Named)) || (k.All(Named) && o.All(Lower)));
    }

    /// <summary>A wrong term's family and closeness to the key. Without the model: the notes' company (a term written
    /// in the same company as the key counts as a sibling). With it: the model's likeness, a term of the key's kind
    /// counting as a sibling, one of another kind or another name of the key not fitting at all.</summary>
    internal static (string Text, double Tier, double Closeness, bool Fits) KindOf(string key, string term, double tier, QuizCorpus corpus, KindSimilarity kinds)
    {
        if (KindLike(key, term, corpus, kinds) is { } like)
        {
            // Two kinds of one thing, one head word and another modifier ("Public IP Addresses" and "Private IP
            // Addresses"): the model reads the shared words as one name (0.8 and more), yet each is the other's fairest
            // wrong choice. Only here, where a blank's wrong terms are taken: the item model's signals keep the model's
            // likeness, which they were fitted on.
            if (like >= KindSimilarity.NearDuplicate - 1e-9 && KindsOfOneThing(key, term))
            {
                like = KindSimilarity.NearDuplicate - KindSimilarity.Step;
            }

            return (term, like >= KindSimilarity.SameKind ? Math.Max(tier, 1.0) : tier, like,
                like is >= KindSimilarity.SameKind and < KindSimilarity.NearDuplicate);
        }

        var company = corpus.ContextSimilarity(key, term);
        return (term, company >= SameKind ? Math.Max(tier, 1.0) : tier, Math.Round(company * 20) / 20, true);
    }

    /// <summary>How alike in kind the model finds two terms (null without it). Where either is bare letters the notes
    /// never spell out, the model reads only letters, so the notes' own company may vouch for the pair: written with
    /// the same words around them (<see cref="QuizCorpus.ContextSimilarity"/>, as NAT and DNS in "pods talk without
    /// NAT", "DNS queries"), they count as of one kind.</summary>
    internal static double? KindLike(string key, string term, QuizCorpus corpus, KindSimilarity kinds)
    {
        if (kinds.TermSimilarity(key, term) is not { } like)
        {
            return null;
        }

        // Two acronyms: the model's likeness, even spelt out, does not tell their kinds apart (MAC and LDAP 0.40, SLA
        // and SCP 0.60, VPC and CSA 0.55, all struck out by the outside reader; VPC and VLAN 0.45, STS and JWT 0.55 kept);
        // the notes' company does (<see cref="AcronymCompany"/>). Vouched for, the pair is of one kind; else of another.
        // Nor does 0.8 or more make two acronyms one name, as it does two names: the model reads their letters or their
        // expansions' shared words, so ALB beside NLB (Application and Network Load Balancer, 0.8), RTO beside RPO, GSI
        // beside LSI and AES beside DES read as another name of the key, and the issue's own fair wrong choices ("ALB/CLB
        // for an NLB question") were never offered. Only letters held in the other's (ELB and LB, NACL and ACL, VLAN and
        // LAN, BGP and BGP-4) name the key or a kind of it.
        if (QuizText.IsAcronym(key) && QuizText.IsAcronym(term) && (like < KindSimilarity.NearDuplicate || !LettersHeld(key, term)))
        {
            return corpus.ContextSimilarity(key, term) >= AcronymCompany - 1e-9
                ? Math.Min(Math.Max(like, KindSimilarity.SameKind), KindSimilarity.NearDuplicate - KindSimilarity.Step)
                : Math.Min(like, KindSimilarity.SameKind - KindSimilarity.Step);
        }

        // Two terms the notes both introduce by their markup, of one shape ("borrowing" and "ownership" in italics,
        // `String` and `&str` in code): the model reads a bare lower-case word or a code name by its everyday sense
        // ("pointer" beside "ownership" 0.30, "crate root" beside "module tree" 0.20), while the notes' markup says both
        // are terms of the subject. Vouched for by that markup, a pair the model does not put in another kind, or that
        // the notes write in the same company, is of one kind; another name of the key (0.8 and more) stays one.
        if (IntroducedAlike(key, term, corpus))
        {
            // Two kinds of one thing the notes introduce side by side ("*absolute path*" and "*relative path*", "*input
            // lifetimes*" and "*output lifetimes*"): one head word, another modifier. The model puts such a pair at 0.8,
            // where it reads another name of the key, but each is the other's fairest wrong choice (as sibling titles
            // "Stateless Protocols" and "Stateful Protocols" are). So are two subcommands of one program a page runs
            // (`git reflog` and `git reset`): the shared program word makes the model read them as one name; the page's
            // code runs them as two commands.
            if ((QuizText.WordCount(key) > 1 && SameKindOfName(key, term) && QuizText.Words(key)[^1].Equals(QuizText.Words(term)[^1], StringComparison.OrdinalIgnoreCase))
                || (corpus.Introduced.IsSubcommand(key) && corpus.Introduced.IsSubcommand(term) && IntroducedTerms.Program(key) == IntroducedTerms.Program(term)))
            {
                return Math.Max(KindSimilarity.SameKind, Math.Min(like, KindSimilarity.NearDuplicate - KindSimilarity.Step));
            }

            // Two commands a page of tips runs (`sudo` and `ls`): the model reads a bare command name by its letters
            // (0.15–0.35 beside another), while the page's own code says both are commands. So do two code names the
            // prose names by one kind noun (`.gitignore` and `package.json`, both "file").
            if (like < KindSimilarity.SameKind && (corpus.ContextSimilarity(key, term) >= SameKind
                || (corpus.Introduced.IsCommand(key) && corpus.Introduced.IsCommand(term))
                || (corpus.Introduced.KindNounOf(key) is { } noun && noun == corpus.Introduced.KindNounOf(term))))
            {
                return KindSimilarity.SameKind;
            }
        }

        return like < KindSimilarity.SameKind && kinds.EitherBare(key, term) && corpus.ContextSimilarity(key, term) >= SameKind
            ? KindSimilarity.SameKind
            : like;
    }

    /// <summary>True for two names of several words with one head word and other modifiers, neither holding the other's
    /// words ("Stateful Protocols" and "Stateless Protocols", "Public WAN" and "Private WAN"; not "Reserved Instances"
    /// beside "Convertible Reserved Instances", a kind of it).</summary>
    internal static bool KindsOfOneThing(string a, string b)
    {
        var x = QuizText.Words(a);
        var y = QuizText.Words(b);
        static string Head(string w) => w.ToLowerInvariant().TrimEnd('s');
        return x.Count > 1 && y.Count > 1 && Head(x[^1]) == Head(y[^1]) && !QuizLexicon.GenericHeadingWords.Contains(x[^1]) && !OneHoldsTheOther(a, b);
    }

    /// <summary>True when one acronym's letters are held in the other's, case aside ("LB" in "ELB", "ACL" in "NACL",
    /// "BGP" in "BGP-4"): the other name of the key or a kind of it, never its sibling.</summary>
    internal static bool LettersHeld(string a, string b) =>
        a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the notes introduce both terms by their markup (<see cref="IntroducedTerms"/>) and the two are
    /// of one shape (<see cref="Shape"/>).</summary>
    internal static bool IntroducedAlike(string key, string term, QuizCorpus corpus) =>
        corpus.Introduced.Contains(key) && corpus.Introduced.Contains(term) && Shape(key, corpus.Introduced) == Shape(term, corpus.Introduced);

    /// <summary>A possible wrong choice: its text, how close its family is to the key, and a check run only when it
    /// would be taken.</summary>
    /// <param name="Rank">With the model: the order the wrong choices are taken in (<see cref="KindSimilarity.Rank"/>),
    /// before family and closeness.</param>
    internal sealed record Wrong(string Text, double Tier, Func<bool>? Accept = null, double Closeness = 0, double Rank = 0);

    /// <summary>A blank's wrong choice in the key's grammatical number: when the key is one common word in the plural
    /// ("the path _____ take": packets) a singular rival ("socket", "port") or a word with no plural ("streaming") does
    /// not fit the sentence, and only the key reads right (outside rating 24, R59 and R60); the other way round alike.
    /// The rival is given in the key's number where the notes write it so ("sockets", "ports"), else it is no choice.
    /// Names, acronyms, code and phrases are left as they are: their number is not the sentence's.</summary>
    internal static string? InKeysNumber(string key, string term, QuizCorpus corpus)
    {
        if (!IsCommonNoun(key) || !IsCommonNoun(term))
        {
            return term;
        }

        var keyPlural = IsPluralOf(key, corpus);
        if (keyPlural == IsPluralOf(term, corpus))
        {
            return term;
        }

        var other = keyPlural ? term + "s" : term[..^1];
        return corpus.WritesExactly(other) ? other : null;

        static bool IsCommonNoun(string w) => w.Length >= MinNumberedLength && w.All(char.IsLower);
    }

    /// <summary>Shortest common word whose number is read (<see cref="InKeysNumber"/>): "bus", "gas", "tcp" are left.</summary>
    private const int MinNumberedLength = 4;

    /// <summary>A word in the plural: it ends in "s" (not "ss", "us", "is") and the notes also write it without.</summary>
    private static bool IsPluralOf(string word, QuizCorpus corpus) =>
        word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
        && !word.EndsWith("is", StringComparison.Ordinal) && corpus.WritesExactly(word[..^1]);

    /// <summary>The shapes a wrong choice must share with the key: a learner rules out a choice of another shape
    /// without knowing the subject. A name the notes set in code is offered only beside code of its form (`String`
    /// beside `&amp;str` and `Vec&lt;T&gt;`, not beside "ownership"; "a parameter of type _____" is not answered by
    /// `chars` or `to_string`, a macro `println!` only beside macros); a lower-case word the notes introduce in emphasis
    /// only beside such words; a program and its subcommand a page runs (`git reflog`) only beside that program's other
    /// subcommands (<see cref="IntroducedTerms.IsSubcommand"/>).</summary>
    internal enum TermShape { Acronym, Name, Phrase, Concept, CodeType, CodeMacro, Code, Subcommand }

    internal static TermShape Shape(string term, IntroducedTerms introduced) =>
        introduced.IsCode(term) ? (introduced.IsSubcommand(term) ? TermShape.Subcommand : term.EndsWith('!') ? TermShape.CodeMacro
            : char.IsUpper(term[0]) || term[0] == '&' || term.Contains('<', StringComparison.Ordinal) ? TermShape.CodeType
            : TermShape.Code)
        : term.Contains(' ', StringComparison.Ordinal) ? TermShape.Phrase
        : QuizText.IsAcronym(term) ? TermShape.Acronym
        : introduced.Contains(term) && term.All(c => !char.IsUpper(c)) ? TermShape.Concept
        : TermShape.Name;

    private static bool SimilarLength(string a, string b) => Math.Abs(a.Length - b.Length) <= Math.Max(3, Math.Max(a.Length, b.Length) / 2);

    /// <summary>Wrong choices for "Which of these is described as …": section titles, siblings first; none the cited
    /// lines name and none whose own definition says what the stem says.</summary>
    /// <param name="minLike">The least likeness to the key's title (with the model): <see cref="KindSimilarity.SameKind"/>
    /// for a definition's three wrong titles from beyond the key's siblings, so that none is struck out as of another kind;
    /// a sibling under the same parent heading, and the one wrong title of a two-choice definition (<see cref="EitherOr"/>,
    /// nothing else to eliminate against), need only not be of another kind (<see cref="KindSimilarity.OtherKind"/>:
    /// Monolithic for Micro Services 0.30; Replicaset and CronJob for Daemonset).</param>
    private static IEnumerable<Wrong> WrongTitles(DefiningSection s, List<DefiningSection> all, string cited, KindSimilarity kinds, double minLike = KindSimilarity.SameKind)
    {
        var stems = QuizText.ContentStems(s.DefinitionText);
        var answerTokens = QuizText.Tokens(s.Title);
        var stemTokens = QuizText.Tokens(s.DefinitionText);
        stemTokens.ExceptWith(answerTokens);

        // A wrong title with a word of the stem that the right one lacks ("S3 Bucket Policies" for "User based IAM
        // policies …") may be what the stem describes as well, and so may one that opens a line of the key's own
        // section: an item listed under the key, a part or a way of it ("S3 Transfer Acceleration (uses edge locations)
        // - …" under AWS S3 Performance, for "Faster upload of large objects"). Named in passing ("This contrasts with
        // circuit switching" under Packet Switching) it is the key's counterpart, the fairest wrong title.
        // A wrong title that holds the right one, or is held by it ("Convertible Reserved Instances" for "Reserved
        // Instances", "Lambda – Asynchronous Invocations - Services"), names a kind of it or itself: also true.
        // With the model, a title like the key's comes first ("Passive Mode" for "Active Mode", not "FTP Reply Codes"),
        // and one almost the same as the key's is another name of it, unless the two sit side by side under one heading:
        // the notes give two things two sections ("Lambda – Synchronous Invocations" and "Lambda – Asynchronous
        // Invocations" 0.9, "Stateless Protocols" and "Stateful Protocols" 0.9), and that counterpart is the fairest
        // wrong title there is.
        // A heading above the key names what the key is a kind of ("Advanced Prompt Engineering Frameworks" above
        // "ReAct Framework"): true of it too. A topic heading with headings under it ("Categories of Routing
        // Protocols") is of another kind than a leaf, and so is a heading the notes define nothing under ("Mode
        // Diagram", "SECURING KEYS"): a thing the notes define is offered only beside other things they define.
        // And a heading under the key names a kind or a part of it (Trisomy and Monosomy under "Aneuploidy > Types", for
        // "Numerical chromosome abnormality": outside rating 56, V4), of which the key's definition is true as well.
        // A list that names its kinds: two or more of the key's labelled siblings open their definitions with the key's
        // genus ("Someone who …" for Novice, Expert and Competent Practitioner). Its siblings of another genus ("An
        // assessment that …") are then of another kind, set beside the key by an alphabetical glossary (outside rating
        // 62, P36, P59, P73), and the key's own kind fills an item. With one such sibling the openers are only wordings
        // ("Self-replicating programs …" for Viruses and Worms beside Trojans' "Disguised as legitimate software").
        var genus = s.Labelled ? Genus(s.DefinitionText) : string.Empty;
        var genusShared = s.Labelled && all.Count(o => !ReferenceEquals(o, s) && OfTheList(s, o) && Genus(o.DefinitionText) == genus) >= MinGenusSiblings;
        return Family(s, all).Where(x => !(x.Section.Definition.File == s.Definition.File
                    && (s.Ancestors.Contains(QuizText.Normalize(x.Section.Title)) || x.Section.Ancestors.Contains(QuizText.Normalize(s.Title))))
                && (s.IsParent || !x.Section.IsParent) && (!s.Defines || x.Section.Describes))
            .Where(x => !(genusShared && OfTheList(s, x.Section) && Genus(x.Section.DefinitionText) != genus))
            .Select(x => (x.Section, x.Tier, x.Closeness, Like: LabelSiblings(s, x.Section, kinds.Similarity(s.Title, x.Section.Title)))).Select(x => new Wrong(
            x.Section.Title, x.Like >= KindSimilarity.SameKind ? Math.Max(x.Tier, 1.0) : x.Tier, () =>
            !(x.Tier < 1.0 && x.Like >= KindSimilarity.NearDuplicate) && !(x.Like < (x.Tier >= 1.0 ? Math.Min(minLike, KindSimilarity.OtherKind) : minLike) - 1e-9)
            && !QuizText.Tokens(x.Section.Title).Overlaps(stemTokens)
            && !OneHoldsTheOther(x.Section.Title, s.Title)
            && !QuizText.ContainsNormalized(cited, x.Section.Title) && !QuizText.Reveals(s.DefinitionText, x.Section.Title)
            && !s.Lines.Any(l => QuizText.Normalize(l).StartsWith(QuizText.Normalize(x.Section.Title), StringComparison.Ordinal))
            && !x.Section.Lines.Any(l => LabelsTheKey(l, s.Title))
            && x.Section.Body.Count(stems.Contains) < 0.6 * Math.Max(2, stems.Count)
            && !SaysTheSame(x.Section.Lines, s.DefinitionText, kinds)
            && AreAlternatives(s.Title, x.Section.Title, kinds)
            && InPlaceOfTheKeysKind(s, x.Section, x.Tier, kinds), x.Closeness + (x.Like ?? 0)));
    }

    /// <summary>The likeness of two titles, at least <see cref="KindSimilarity.SameKind"/> for two labelled terms of one
    /// list: the notes set them side by side as things of one kind, each defined in one line, where the model reads
    /// two abstract one-word names by their everyday senses (Nonrepudiation beside Privacy 0.05, under the sibling's
    /// least). Without the model (null) it stays null.</summary>
    private static double? LabelSiblings(DefiningSection key, DefiningSection wrong, double? like) =>
        like is { } l && OfTheList(key, wrong) ? Math.Max(l, KindSimilarity.SameKind) : like;

    /// <summary>How many of a labelled key's siblings must open their definitions with its genus for the list to name its
    /// kinds (<see cref="Genus"/>): two, the wrong choices of a three-choice item.</summary>
    private const int MinGenusSiblings = 2;

    /// <summary>True when both are labelled terms of one list (one parent heading).</summary>
    private static bool OfTheList(DefiningSection key, DefiningSection other) => key.Labelled && other.Labelled && key.Parent == other.Parent;

    /// <summary>The word a definition opens with, an article aside, lower case: the kind it says its term is ("someone"
    /// of "Someone who has not yet built a usable mental model", "feedback" of "A feedback technique in which …").</summary>
    internal static string Genus(string definition) =>
        QuizText.Words(definition).Select(w => w.ToLowerInvariant()).FirstOrDefault(w => !QuizLexicon.Articles.Contains(w)) ?? string.Empty;

    /// <summary>True when a line opens with a label that names the key, whole or by its first word ("1. **Compression**:
    /// Reducing data size …" for "Compression with PCA"): the line's section lists the key among its items, so its
    /// title ("Applications of PCA") is what the key is a part or a kind of, true of the quote as well (a wrong title
    /// of review 16's unseen notes, found on reading the bank after the refit).</summary>
    internal static bool LabelsTheKey(string line, string keyTitle)
    {
        var label = QuizText.Label(line) is { } l ? QuizText.Normalize(l) : string.Empty;
        var key = QuizText.Normalize(keyTitle);
        return label.Length >= 4 && (key == label || key.StartsWith(label + " ", StringComparison.Ordinal));
    }

    /// <summary>True when a wrong title is of the key's kind in its place in the notes, not by its words alone: a sibling
    /// under the key's own parent heading is vouched for by the notes' structure; a title from under another heading
    /// must be like the key when both are shown with their headings (<see cref="Placed"/>, <see cref="PlacedSameKind"/>).
    /// By title alone "WPA2 Modes" (Wi-Fi security) is as like "Active Mode" (FTP) as "Passive Mode" (outside rating of
    /// 2026-11-30, C19, C22), "Multi-Layer Switching" like a load balancer's "Layer 4", "CLI STS Decode Errors" like
    /// "STS (Security Token Service)", "SECURING KEYS" like "EBS Encryption" (reviews 8–11).</summary>
    private static bool InPlaceOfTheKeysKind(DefiningSection key, DefiningSection wrong, double tier, KindSimilarity kinds) =>
        tier >= 1.0 || !(kinds.Similarity(Placed(key), Placed(wrong)) < PlacedSameKind - 1e-9);

    /// <summary>True when the line names a term by a shorter form of its name: a word of the line that the term's name
    /// starts with, followed by letters only, and that holds <see cref="ShortNameShare"/> of it or more ("Postgres" for
    /// PostgreSQL; not "SOCKS" for SOCKS4). Offered as a
    /// wrong choice, the stem itself would rule it out ("… 5x over _____ on RDS, over 3x the performance of Postgres";
    /// outside ratings 7, 8 and 9).</summary>
    internal static bool NamedShort(string normalizedLine, string normalizedTerm) =>
        normalizedTerm.Length >= 5 && QuizText.Words(normalizedLine).Any(w => w.Length >= 4 && w.Length < normalizedTerm.Length
            && normalizedTerm.StartsWith(w, StringComparison.Ordinal) && w.Length >= ShortNameShare * normalizedTerm.Length
            && normalizedTerm[w.Length..].All(char.IsLetter)); // "SOCKS" does not name SOCKS4: a version is another thing

    /// <summary>How much of a name a shorter form keeps: "postgres" is 0.8 of "postgresql"; "cloud" is half of
    /// "cloudwatch", a word of its own that the CloudWatch/CloudTrail/CloudFront blanks (rated good) must keep.</summary>
    private const double ShortNameShare = 0.75;

    /// <summary>True when one list of words runs inside the other, in order.</summary>
    private static bool HoldsWords(List<string> a, List<string> b)
    {
        var (longer, shorter) = a.Count >= b.Count ? (a, b) : (b, a);
        return shorter.Count > 0 && Enumerable.Range(0, longer.Count - shorter.Count + 1).Any(i => longer.Skip(i).Take(shorter.Count).SequenceEqual(shorter));
    }

    /// <summary>Other sections, siblings under the same parent heading first, then the same file, then the corpus;
    /// within each, how much vocabulary the two sections share (Monolithic and Micro Services both talk of code).</summary>
    private static IEnumerable<(DefiningSection Section, double Tier, double Closeness)> Family(DefiningSection s, List<DefiningSection> all) =>
        all.Where(o => !ReferenceEquals(o, s) && o.Parent == s.Parent).Select(o => (o, 1.0, Closeness(s, o)))
            .Concat(all.Where(o => !ReferenceEquals(o, s) && o.Parent != s.Parent && o.Definition.File == s.Definition.File).Select(o => (o, 0.5, Closeness(s, o))))
            .Concat(all.Where(o => o.Definition.File != s.Definition.File && o.Root == s.Root).Select(o => (o, 0.25, 0.0)))
            .Where(x => !SameSubject(s, x.Item1));

    /// <summary>True when two titles open with the same word and few other titles do ("ReAct Framework" and "ReAct
    /// Cycle"): two sides of one subject, where a line about one is often true of the other. A first word many titles
    /// share, a word as common as "AWS" ("AWS Shield", "AWS Guardduty"), an English word ("Dedicated Hosts") or a
    /// first word with a shared last word ("Elastic Container Service", "Elastic Kubernetes Service") make a family
    /// instead.</summary>
    private static bool SameSubject(DefiningSection a, DefiningSection b) =>
        a.FirstWord == b.FirstWord && a.FirstWord.Length > 0 && a.FirstWordIsName && !QuizLexicon.StopWords.Contains(a.FirstWord)
        && QuizText.WordCount(a.Title) > 1 && QuizText.WordCount(b.Title) > 1
        && !string.Equals(QuizText.Words(a.Title)[^1], QuizText.Words(b.Title)[^1], StringComparison.OrdinalIgnoreCase)
        && a.FirstWordCounts.GetValueOrDefault(a.Root + "\u001f" + a.FirstWord) < MinFamilyNameTitles;

    /// <summary>Shared content words of two sections over all their words (Jaccard), cut into coarse steps so that
    /// near-equal sections still rotate.</summary>
    private static double Closeness(DefiningSection a, DefiningSection b)
    {
        var union = a.Body.Count + b.Body.Count;
        if (union == 0)
        {
            return 0;
        }

        var shared = a.Body.Count(b.Body.Contains);
        return (Math.Round(4.0 * shared / (union - shared)) / 4.0) + (SameKindOfName(a.Title, b.Title) ? QuizWeights.SameHeadWord : 0);
    }

    /// <summary>True when two titles share their first or last word ("AWS Shield" and "AWS Guardduty", "Spot Instances"
    /// and "Dedicated Instances"): names of one kind, the wrong choices a learner has to know apart.</summary>
    internal static bool SameKindOfName(string a, string b)
    {
        var x = QuizText.Words(a);
        var y = QuizText.Words(b);
        if (x.Count < 2 || y.Count < 2)
        {
            return false;
        }

        static bool Same(string u, string v) => string.Equals(u, v, StringComparison.OrdinalIgnoreCase) && !QuizLexicon.GenericHeadingWords.Contains(u);
        return Same(x[0], y[0]) || Same(x[^1], y[^1]);
    }

    /// <summary>True unless two titles open with the same words and differ in neighbouring topics of that parent rather
    /// than in alternatives of one thing: once the shared opening is set aside (<see cref="QuizText.WithoutSharedOpening"/>),
    /// the model must still find the rests of one kind (<see cref="KindSimilarity.OtherKind"/> or more). "Lambda Function
    /// Dependencies" and "Lambda Environment Variables" share "Lambda", which makes them alike whole (0.45), but "Function
    /// Dependencies" and "Environment Variables" are not (0.10); "Lambda – Synchronous Invocations" and "Lambda –
    /// Asynchronous Invocations" stay 0.80, "Elastic Container Service" and "Elastic Kubernets Service" 0.55 without
    /// "Elastic". Titles with no opening in common are judged whole by the checks that already hold for every wrong
    /// title (one-word names are where the model is least sure: Multicast and Unicast 0.15). For contrasts and
    /// definitions' wrong titles. On the 88 rated contrasts of outside ratings 14–24, the 14 below it held 5 good and 9
    /// guessable or defect (Lambda's neighbouring sections, a Least Connections line that Least Response Time also
    /// fits); the 74 at or above it 69 good. Outside ratings 25–27 (three readers on one bank) found the definitions'
    /// Lambda wrong titles of another kind ("Results is returned right away" among Function Dependencies and
    /// Environment Variables).</summary>
    internal static bool AreAlternatives(string a, string b, KindSimilarity kinds)
    {
        var (x, y) = QuizText.WithoutSharedOpening(a, b);
        return (x.Length == a.Length && y.Length == b.Length) || kinds.Similarity(x, y) is not { } like || like >= KindSimilarity.OtherKind - 1e-9;
    }

    /// <summary>Wrong statements: of a similar length, not saying what the right one says.</summary>
    private static IEnumerable<Wrong> WrongStatements(string right, string cited, string subject, IEnumerable<(string Text, double Tier, double Closeness)> others)
    {
        var rightStems = QuizText.Stems(right);
        return others
            .Where(o => o.Text.Length >= right.Length / 3 && o.Text.Length <= Math.Max(40, right.Length * 3))
            .Select(o => new Wrong(o.Text, o.Tier, () => !QuizText.ContainsNormalized(cited, o.Text) && !QuizText.Reveals(o.Text, subject)
                && QuizText.Stems(o.Text).Count(rightStems.Contains) < 0.5 * Math.Max(2, rightStems.Count), o.Closeness));
    }

    /// <summary>Takes up to three wrong choices, the closest family first (a stable pseudo-random pick within a
    /// tier), and shuffles the choices the same stable way. Null when fewer than <paramref name="minWrong"/> wrong
    /// choices are left: a blank or a definition needs all three (with two, one off-kind choice leaves a coin flip).</summary>
    private static Candidate? Assemble(
        string id, QuizQuestionKind kind, string text, string stem, string label, string correct,
        IEnumerable<Wrong> wrong, string explanation, Citation citation, string keyTerm, int minWrong = 2, int maxWrong = Distractors)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { QuizText.Normalize(correct) };
        var picked = new List<Wrong>();
        var seed = QuizText.StableHash(id);
        foreach (var d in wrong.OrderByDescending(w => w.Rank).ThenByDescending(w => w.Tier).ThenByDescending(w => w.Closeness).ThenBy(w => QuizText.StableHash(w.Text) ^ seed))
        {
            var normalized = QuizText.Normalize(d.Text);
            if (d.Text.Length > MaxChoiceLength || d.Text.Length == 0 || taken.Any(t => SingularAndPlural(t, normalized))
                || (kind == QuizQuestionKind.Definition && picked.Any(p => OneHoldsTheOther(p.Text, d.Text)))
                || !taken.Add(normalized) || d.Accept?.Invoke() == false)
            {
                continue;
            }

            picked.Add(d);
            if (picked.Count == maxWrong)
            {
                break;
            }
        }

        if (picked.Count < minWrong)
        {
            return null;
        }

        var choices = picked.Select(d => d.Text).Append(correct).OrderBy(c => QuizText.OrderKey(id + ":order", c), StringComparer.Ordinal).ToList();
        var q = new QuizQuestion(id, kind, text, choices, choices.IndexOf(correct), explanation, citation, keyTerm);
        return new Candidate(q, stem, label, picked.Average(d => d.Tier));
    }

    /// <summary>True when the words of one title run inside the other's ("Lambda – Asynchronous Invocations" and "Lambda -
    /// Asynchronous Invocations - Services"): offered as two wrong titles, one a part of the other, they are right or
    /// wrong together, so a learner rules both out.</summary>
    private static bool OneHoldsTheOther(string a, string b) =>
        HoldsWords(QuizText.Words(a).Select(w => w.ToLowerInvariant()).ToList(), QuizText.Words(b).Select(w => w.ToLowerInvariant()).ToList());

    /// <summary>True when one choice is the other with a plural ending ("CNAME" and "CNAMES"): two choices that are one.</summary>
    internal static bool SingularAndPlural(string a, string b)
    {
        static bool Plural(string one, string many) => one.Length > 0 && (many == one + "s" || many == one + "es");
        return Plural(a, b) || Plural(b, a);
    }
}
