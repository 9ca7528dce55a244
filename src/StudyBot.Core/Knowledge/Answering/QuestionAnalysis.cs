using System.Text.RegularExpressions;
using Lucene.Net.Search;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>What a question asks, in the terms every later stage uses.</summary>
internal enum QuestionKind
{
    Other,
    Definition,
    YesNo,
    Value,
    How,
    Why,
    Compare,
    Which,
}

/// <summary>The first stage: the question's kind, the answer type it wants, its weighted concepts (topic words only:
/// question words such as "how long" or "whats" are never topics), its subject and the clause that carries it.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Main">The clause that asks: after an opening clause or a dash ("If I delete the branch, will the pull
/// request close?" → "will the pull request close?").</param>
/// <param name="Topic">The text the concepts were built from: the question without its question words.</param>
/// <param name="Subject">The question's first specific concept (what it is about), or null for a one-concept question.</param>
internal sealed record QuestionAnalysis(
    string Question,
    string Main,
    string Topic,
    QuestionKind Kind,
    bool IsYesNo,
    AnswerType AnswerType,
    List<Concept> Concepts,
    List<Concept> Content,
    double TotalWeight,
    Concept? Subject,
    HashSet<string> Negations,
    bool Definitional,
    bool AsksHow)
{
    /// <summary>Every term the question names, with the parts of its compounds.</summary>
    public HashSet<string> Asked { get; } = Concepts.SelectMany(c => c.AllTerms.Concat(c.Parts)).ToHashSet(StringComparer.Ordinal);
}

internal static partial class QuestionAnalyzer
{
    public static QuestionAnalysis Analyze(KnowledgeIndex index, IndexSearcher searcher, string asked)
    {
        // A very long question has said what it asks long before this; the answer still quotes it whole. Every stage
        // reads the cut text, the polarity reader's patterns too: run over a pasted 160,000 characters of "between …",
        // the comparison pattern alone took 18 s (the web chat refuses more than 2,000, the CLI and the library did not).
        // A phone's typographic apostrophes read as plain ones: "isn’t EBS encrypted by default?" was no yes/no
        // question, since the lexicon's patterns spell "isn't".
        var plain = (asked.Length > QuestionTerms.MaxQuestionChars ? asked[..QuestionTerms.MaxQuestionChars] : asked).Replace('’', '\'').Replace('‘', '\'');
        var question = AsConfirmation(plain);
        var main = MainClause(question);
        var isYesNo = IsYesNo(question);
        var answerType = Lexicon.AnswerTypeOf(question);
        // "right" and "correct" of a confirmation tag are not what the statement is about; the tag goes first, while
        // its position still indexes the question.
        var untagged = TagQuestion(question) is { } tag ? question.Remove(tag.Index, tag.Length).Insert(tag.Index, " ") : question;
        var topic = Lexicon.InformalOpener().Replace(Lexicon.FramePhrase().Replace(Lexicon.ValueQuestion().Replace(untagged, " "), " "), " ");

        var concepts = QuestionTerms.Build(index, searcher, topic, isYesNo);
        var content = concepts.Where(c => !c.IsFrame).ToList();
        var total = content.Sum(c => c.Weight);
        // A count ("two branches", "three guarantees", "5 GB") says how many of the subject, not what it is: it is rare in
        // the notes, so it often weighs most, and "two" was the subject of "how can I have two branches checked out".
        var subject = content.Count < 2 ? null
            : content.FirstOrDefault(c => c.Weight >= 0.8 * total / content.Count && !Lexicon.IsCount(c.Surface))
                ?? content.First(c => c.Weight >= 0.8 * total / content.Count);
        var definitional = IsDefinitional(question);
        // "ran git reset --hard by accident and lost my commit, how do i get it back": the asking clause asks how.
        var how = Lexicon.HowQuestion().IsMatch(question) || Lexicon.HowQuestion().IsMatch(main);
        var kind = isYesNo ? QuestionKind.YesNo
            : answerType != AnswerType.None ? QuestionKind.Value
            : definitional ? QuestionKind.Definition
            : Lexicon.CompareQuestion().IsMatch(question) ? QuestionKind.Compare
            : Lexicon.WhyQuestion().IsMatch(question) ? QuestionKind.Why
            : how ? QuestionKind.How
            : Lexicon.WhichQuestion().IsMatch(question) ? QuestionKind.Which
            : QuestionKind.Other;
        // The asking clause's negations only: an opening clause is the question's condition ("our CNI plugin isn't up
        // yet - will kubernetes still start pods?"), and its "isn't" agreed with the notes' "won't … until CNI is
        // running" and read Yes (leave-one-corpus-out strict 787 → 791, right Yes/No 53 → 57, wrong 7 → 7).
        return new QuestionAnalysis(
            plain, main, topic, kind, isYesNo, answerType, concepts, content, total, subject,
            NegationsOf(main), definitional, Lexicon.HowQuestion().IsMatch(question) || Lexicon.CommandQuestion().IsMatch(question));
    }

    /// <summary>The fewest words before the question mark for the text after it to be read as a remark rather than as
    /// what the question left unsaid: "devsecops = ? quick definition pls" asks in its tail.</summary>
    private const int MinWordsBeforeRemark = 3;

    /// <summary>The question without a remark that follows its question mark ("how would you sum up what a product owner
    /// is responsible for? need it for a slide", "why can't we just write the vision ourselves? seems way faster"): chat
    /// says why it asks after asking, and those words are no part of what is asked — their concepts are in no note, so
    /// they lowered the coverage of the passage that answers and the question was declined, and "faster" read the "why"
    /// question as a comparison. A tail that asks is kept: one that ends in its own question mark, holds a question word
    /// ("… how does the traffic shift work"), opens with an auxiliary ("… is buying insurance one of them") or goes on
    /// with an alternative ("… or Y").</summary>
    public static string WithoutRemark(string question)
    {
        // Read by hand rather than by a pattern: text after the last mark, scanned once, whatever the message's length.
        var mark = question.LastIndexOf('?');
        var first = mark;
        while (first > 0 && question[first - 1] == '?')
        {
            first--;
        }

        // The mark ends a word, as a question mark does; one standing alone is a symbol asked about ("what does a ?
        // match in a shell glob").
        if (first <= 0 || mark + 1 >= question.Length || !char.IsWhiteSpace(question[mark + 1]) || !EndsAWord(question[first - 1]))
        {
            return question;
        }

        var tail = question[(mark + 1)..].Replace('’', '\'');
        var opener = Lexicon.WordPattern().Match(tail);
        if (!opener.Success || Lexicon.WordPattern().Matches(question[..first]).Count < MinWordsBeforeRemark)
        {
            return question;
        }

        var asks = Lexicon.YesNoOpeners.Contains(opener.Value) || Lexicon.AnyWhWord().IsMatch(tail)
            || Lexicon.InformalOpener().IsMatch(tail) || Lexicon.RemarkContinuation().IsMatch(tail);
        return asks ? question : question[..(mark + 1)];

        static bool EndsAWord(char c) => char.IsLetterOrDigit(c) || c is '_' or '\'' or '"' or '’' or ')' or ']';
    }

    /// <summary>A study partner's "true or false: S" (or "S - true or false?") asks whether S holds, as S with a
    /// confirmation tag does: without this the statement was read as no question at all, and "true or false: EBS
    /// volumes are encrypted by default" got the notes' line without its No.</summary>
    internal static string AsConfirmation(string question)
    {
        var frame = Lexicon.TrueOrFalse().Match(question);
        if (!frame.Success)
        {
            return question;
        }

        var statement = question.Remove(frame.Index, frame.Length).Trim().TrimEnd('?', '.', '!', ' ');
        return statement.Length == 0 ? question : statement + ", right?";
    }

    /// <summary>A yes/no question: it opens with an auxiliary, or its asking clause does after an opening clause or a
    /// dash ("our team is small — do we still need it?"), unless it opens with a wh-word.</summary>
    internal static bool IsYesNo(string question)
    {
        var first = Lexicon.WordPattern().Match(question);
        if (!first.Success || Lexicon.RequestOpener().IsMatch(question) || Lexicon.AlternativeChoice().IsMatch(question))
        {
            return false;
        }

        if (Lexicon.YesNoOpeners.Contains(first.Value))
        {
            // "did a commit -a without looking, how can i check what went in": chat drops the subject of a clause
            // that tells what happened, and the wh-question after it is what is asked.
            return AskingWhClause(question) is null;
        }

        if (AskingAfterSetting(question) is not null)
        {
            return true;
        }

        if (Lexicon.WhWord().IsMatch(first.Value) || Lexicon.InformalOpener().IsMatch(question))
        {
            return false;
        }

        if (TagQuestion(question) is not null || Lexicon.PermissionOpener().IsMatch(question) || IsStatementAsked(question))
        {
            return true;
        }

        var main = MainClause(question);
        var opener = Lexicon.WordPattern().Match(main);
        return !ReferenceEquals(main, question) && opener.Success && Lexicon.YesNoOpeners.Contains(opener.Value);
    }

    /// <summary>The confirmation tag of a statement asked as a question ("sftp is plain ftp with encryption, right?"),
    /// or null: a question that opens with an auxiliary or a wh-word asks by its opening, whatever follows.</summary>
    private static Match? TagQuestion(string question)
    {
        var first = Lexicon.WordPattern().Match(question);
        if (!first.Success || Lexicon.YesNoOpeners.Contains(first.Value) || Lexicon.WhWord().IsMatch(first.Value) || Lexicon.InformalOpener().IsMatch(question))
        {
            return null;
        }

        var tag = Lexicon.ConfirmationTag().Match(question);
        return tag.Success && tag.Index > 0 ? tag : null;
    }

    /// <summary>The asking clause after a setting or condition that opens the question ("in tests can I just listen on
    /// port 0?", "if two columns correlate strongly does that prove one causes the other?", "when I rename a table, does
    /// its sequence get renamed?"), or null: the auxiliary and its subject come after at least a word of the setting,
    /// no question word stands in the setting ("when does the probe restart …" and "in javascript when should I …" ask
    /// when), and none follows "or" in the asking clause ("… does that spawn a new process or what happens?"); one inside
    /// the asking clause is a relative ("can it pick up where it left off?"). Chat drops the comma a book would put
    /// there, and such questions were read as no yes/no question at all: no Yes or No was ever said to them.</summary>
    internal static string? AskingAfterSetting(string question)
    {
        var setting = Lexicon.LeadingSetting().Match(question);
        if (!setting.Success)
        {
            return null;
        }

        var rest = setting.Index + setting.Length;
        var asking = Lexicon.InvertedAuxiliary().Match(question, rest);
        return asking.Success && question[rest..asking.Index].Trim().Length > 0 && !Lexicon.AnyWhWord().IsMatch(question[rest..asking.Index])
            && !Lexicon.OrWhAlternative().IsMatch(question[asking.Index..])
            ? question[asking.Index..].Trim()
            : null;
    }

    /// <summary>A statement asked by its question mark alone ("the law of demeter is the same thing as the principle of
    /// least knowledge?", "so docker also takes care of running the containers for us?"): it has a verb of being or
    /// saying before any "if" or "to", or opens with "so", and has no question word anywhere.</summary>
    private static bool IsStatementAsked(string question) =>
        question.TrimEnd().EndsWith('?') && !Lexicon.AnyWhWord().IsMatch(question)
        && (Lexicon.StatementVerb().IsMatch(question) || Lexicon.SoOpener().IsMatch(question));

    /// <summary>A later clause that asks a wh-question by inversion ("…, how can i check it", "…, what should we use",
    /// "…, how to fix it"), or null. A relative clause is no question: "Can I use S3, which is cheap, for backups?".</summary>
    private static string? AskingWhClause(string question)
    {
        foreach (Match opening in Lexicon.ClauseOpening().Matches(question))
        {
            var rest = question[(opening.Index + opening.Length)..].Trim();
            if (Lexicon.InvertedWhQuestion().IsMatch(rest))
            {
                return rest;
            }
        }

        return null;
    }

    /// <summary>The clause after the last opening clause or dash that ends in the question mark, or the question.</summary>
    internal static string MainClause(string question)
    {
        var breaks = Lexicon.ClauseOpening().Matches(question);
        for (var i = breaks.Count - 1; i >= 0; i--)
        {
            var rest = question[(breaks[i].Index + breaks[i].Length)..].Trim();
            var word = Lexicon.WordPattern().Match(rest);
            if (word.Success && (Lexicon.YesNoOpeners.Contains(word.Value) || Lexicon.WhWord().IsMatch(word.Value)))
            {
                return rest;
            }
        }

        if (AskingAfterSetting(question) is { } asking)
        {
            return asking;
        }

        // A statement with a confirmation tag asks whether the statement holds.
        return TagQuestion(question) is { } tag ? question[..tag.Index].Trim() + "?" : question;
    }

    /// <summary>"What is X?", "Define X", "Explain X", "What does X mean?", "whats X", "can someone explain X": asks
    /// what something is.</summary>
    internal static bool IsDefinitional(string question) =>
        Lexicon.DefinitionalQuestion().IsMatch(question) || Lexicon.InformalOpener().IsMatch(question) || Lexicon.RequestOpener().IsMatch(question);

    internal static HashSet<string> NegationsOf(string text)
    {
        var normalized = text.Replace('’', '\'');
        return Lexicon.WordPattern().Matches(normalized)
            .Where(m => !InHyphenatedName(normalized, m))
            .Select(m => m.Value.ToLowerInvariant())
            .Where(Lexicon.Negations.Contains)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True for a word joined to the next by a hyphen ("the not-equal operator", "a no-op", "not-null"): one
    /// name, which negates nothing the sentence says ("does postgres accept &lt;&gt; as the not-equal operator too?" was read
    /// as a negated question and answered No).</summary>
    internal static bool InHyphenatedName(string text, Match word)
    {
        var end = word.Index + word.Length;
        return end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1]);
    }

    /// <summary>The most words of a side taken as its name ("EKS in production" is EKS): further words qualify it.</summary>
    private const int MaxSideWords = 3;

    /// <summary>The question's concepts on each side of a comparison ("What is the difference between ECS and EKS?":
    /// ECS, and EKS), or null when the question compares nothing or a side names no concept. Whatever the kind the
    /// question was read as ("what is the difference …" is read as a definition): the answer writer makes sure both
    /// sides are cited and the decision's margin does not count the other side as a rival (<see cref="Comparison"/>);
    /// the ranking is not changed.</summary>
    public static (IReadOnlyList<Concept> A, IReadOnlyList<Concept> B)? ComparedSides(QuestionAnalysis question)
    {
        // The shorter side's words stand as whole words in the longer side ("docker" in "a docker image"), not only as
        // stems or prefixes the concepts share ("git" of "github", "continu" of "continuous delivery").
        static bool Inside(string shorter, string longer)
        {
            var (inner, outer) = (Words(shorter), Words(longer));
            return inner.Count > 0 && outer.Count > inner.Count
                && Enumerable.Range(0, outer.Count - inner.Count + 1).Any(i => outer.Skip(i).Take(inner.Count).SequenceEqual(inner));
        }

        static List<string> Words(string side) =>
            [.. side.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).SkipWhile(w => w is "a" or "an" or "the")];

        var match = Lexicon.ComparedPair().Match(question.Question);
        if (!match.Success)
        {
            return null;
        }

        // How many of a side's words name the concept. A one-letter term only as a whole word: "c" of "SSE-C", not
        // of every word that starts with it.
        int Named(Concept concept, string text)
        {
            var words = Lexicon.WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Take(MaxSideWords);
            return words.Count(w => concept.Terms.Concat(concept.Parts).Any(t => t.Length >= 2 ? w.StartsWith(t, StringComparison.Ordinal) : w == t));
        }

        // A concept belongs to the side more of whose words name it. One named as much on both sides is their family,
        // not a side ("AWS" of "AWS Shield and AWS WAF", "SSE" of "SSE-S3 vs SSE-C"); "client side encryption", one
        // concept, belongs to "client side", not to "server side" by its word "side". One thing on both sides ("ECS and
        // ECS") names nothing alone.
        var (textA, textB) = (match.Groups["a"].Value, match.Groups["b"].Value);
        var named = question.Content.Select(c => (Concept: c, A: Named(c, textA), B: Named(c, textB))).ToList();
        var a = named.Where(n => n.A > n.B).Select(n => n.Concept).ToList();
        var b = named.Where(n => n.B > n.A).Select(n => n.Concept).ToList();
        var family = named.Where(n => n.A > 0 && n.A == n.B).Select(n => n.Concept).ToList();
        if (family.Count > 0 && (a.Count == 0 ? Inside(textA, textB) : b.Count == 0 && Inside(textB, textA)))
        {
            // One side inside the other ("docker" and "docker image", "a pod and a static pod"): the shorter side is the
            // family alone, the longer one the family and what it adds (Comparison.NamesSide tells their passages apart).
            return a.Count == 0 ? (family, [.. family, .. b]) : ([.. family, .. a], family);
        }

        return a.Count == 0 || b.Count == 0 ? null : (a, b);
    }
}
