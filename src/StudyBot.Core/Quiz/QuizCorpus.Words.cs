using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// How the notes write a word: in lower case or in capitals (<see cref="IsShouted"/>: shouted English, not a term;
/// <see cref="UsualForm"/>: a shouted title as the lines write it), as a name inside sentences
/// (<see cref="IsNameWord"/>, <see cref="IsCommonWord"/>), once as a slip of the keyboard for a word written often
/// (<see cref="IsSlipOfCommoner"/>), or as the gerund of a verb, which makes a heading an activity or a topic rather
/// than a term (<see cref="IsTopicHeading"/>). The constructor counts the words (<see cref="CountNamesWrittenMidSentence"/>).
/// </summary>
internal sealed partial class QuizCorpus
{
    /// <summary>How the notes' lines write a title shouted in capitals ("TERRAFORM INIT", "STATE PUSH" as headings;
    /// "terraform init", "terraform state push" in the text): the form written most often in lines, so that a choice
    /// reads as the notes and the tool write it. Acronyms and titles the lines never write keep their own form.</summary>
    public string UsualForm(string term)
    {
        if (term.Any(char.IsLower) || !term.Any(char.IsLetter) || (!term.Contains(' ', StringComparison.Ordinal) && !IsShouted(term)))
        {
            return term;
        }

        if (_usualForms.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var pattern = $@"(?<![\w-]){Regex.Escape(term)}(?![\w-])";
        var forms = _passages
            .SelectMany(p => Regex.Matches(QuizText.OneLine(p.Text), pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .Select(m => m.Value)
            .GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
        var usual = forms is not null && forms.Any(char.IsLower) ? forms : term;
        _usualForms[term] = usual;
        return usual;
    }

    private readonly Dictionary<string, string> _usualForms = new(StringComparer.Ordinal);

    /// <summary>True for a capitalised word that the notes mostly write in lower case: shouted English, not a term.</summary>
    public bool IsShouted(string term)
    {
        var lower = term.ToLowerInvariant();
        return QuizText.IsAcronym(term)
            && _lowerWords.GetValueOrDefault(lower) >= Math.Max(2, _upperWords.GetValueOrDefault(lower));
    }

    private readonly Dictionary<string, int> _midSentenceCapitals = new(StringComparer.Ordinal);

    /// <summary>Counts the words a line writes with a capital inside a sentence (not first, not after ".", "!", "?" or
    /// ":"): how the notes write names ("we deploy with Terraform").</summary>
    private void CountNamesWrittenMidSentence(string text)
    {
        foreach (Match m in CapitalisedWordRegex().Matches(text))
        {
            var before = text[..m.Index].TrimEnd();
            if (before.Length > 0 && before[^1] is not ('.' or '!' or '?' or ':' or '*' or '#' or '>' or '(' or '[' or '"' or '“' or '-' or '|'))
            {
                Increment(_midSentenceCapitals, m.Value.ToLowerInvariant());
            }
        }
    }

    /// <summary>True for a word the notes write as a name: an acronym or a CamelCase term, or a capitalised word they
    /// write that way inside sentences twice or more and more often than in lower case ("Terraform", "Kubernetes"); a
    /// heading's capitalised English ("Risks", "Flows") is not one, however rare the word.</summary>
    public bool IsNameWord(string word)
    {
        if (QuizText.IsAcronym(word) || QuizText.Terms(word).Any())
        {
            return true;
        }

        var lower = word.ToLowerInvariant();
        var named = _midSentenceCapitals.GetValueOrDefault(lower);
        return named >= 2 && named > _lowerWords.GetValueOrDefault(lower);
    }

    /// <summary>True for an English word by the notes' usage: not an acronym or a CamelCase term, and written in lower
    /// case twice or more ("domain", though "Domain 4" names a part) or never written as a name
    /// (<see cref="IsNameWord"/>: "Flows", "Risks").</summary>
    public bool IsCommonWord(string word) => !QuizText.IsAcronym(word) && !QuizText.Terms(word).Any() && (IsLowerCaseWord(word) || !IsNameWord(word));

    /// <summary>True for a word the notes write in lower case twice or more: English, not a name.</summary>
    public bool IsLowerCaseWord(string word) => _lowerWords.GetValueOrDefault(word.ToLowerInvariant()) >= 2;

    /// <summary>The fewest times the notes must write a word for a once-written word one letter off it to read as a slip
    /// of the keyboard ("ache" once in the AWS notes, "cache" 57 times).</summary>
    private const int MinSlipTarget = 10;

    /// <summary>The shortest word read as a possible slip: shorter ones are mostly words of their own ("hat", "ill").</summary>
    private const int MinSlipLength = 4;

    /// <summary>True for a lower-case word the notes write once that is a word they write at least
    /// <see cref="MinSlipTarget"/> times with one letter dropped (not its last, which inflects: "delete" beside
    /// "deleted"): "Use CloudFront to ache S3 objects" for "cache". The word is English, so neither the model's
    /// vocabulary nor a dictionary tells it apart; the notes' own counts do. Only a dropped letter: a changed one also
    /// read "fill" (once) as a slip for "will", "tend" for "end" in Hacker Laws. A question quoting a slip garbles the
    /// very word a learner needs (outside ratings 29–33: three of four readers faulted that item).</summary>
    public bool IsSlipOfCommoner(string word)
    {
        if (word.Length < MinSlipLength || !word.All(char.IsLower) || _lowerWords.GetValueOrDefault(word) != 1)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            foreach (var c in Letters)
            {
                if (_lowerWords.GetValueOrDefault(word.Insert(i, c.ToString())) >= MinSlipTarget)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The letters a slip of one letter is tried with (here and in <see cref="LikelyTypos"/>).</summary>
    internal const string Letters = "abcdefghijklmnopqrstuvwxyz";

    // Every word of the notes' prose in lower case, however written, and the words they set in code (a code block, a
    // `span`): what the notes themselves make a known word for LikelyTypos.
    private readonly Dictionary<string, int> _wordUses = new(StringComparer.Ordinal);
    private readonly HashSet<string> _codeWords = new(StringComparer.Ordinal);

    private void CountWordUses(string text)
    {
        foreach (var part in QuizText.Words(text).SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)))
        {
            Increment(_wordUses, part.ToLowerInvariant());
        }
    }

    private void CountCodeWords(Passage p)
    {
        IEnumerable<string> code = p.Kind == PassageKind.Code ? [p.Text] : (p.Emphasis ?? []).Where(e => e.Kind == EmphasisKind.Code).Select(e => e.Text);
        foreach (var word in code.SelectMany(QuizText.Words).SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)))
        {
            _codeWords.Add(word.ToLowerInvariant());
        }
    }

    /// <summary>True for a heading that is a topic of the page rather than a term (outside ratings 17 and 22: "Running
    /// Containers", "Docker Architecture", "Docker Networking" offered beside Docker Compose; "Classification Based on
    /// Purpose" against "… on Storage"; "Reloading Bash Configuration" as a definition's key): a phrase (it opens with a
    /// preposition or an article: "Before mounting", "With LDAP"); an activity (its first word, or the one after an
    /// adverb, the gerund of a verb the notes write: "Running Containers", "run"), offered beside a key that is none, or
    /// asked itself and never written in a sentence of the notes (<see cref="TextUses"/>); offered beside a key, never
    /// written in a sentence, sharing the key's subject and otherwise in words the notes write as English (an aspect of
    /// the key's subject: "Docker Networking" for Docker Compose); asked itself, never written in a sentence and holding a
    /// participle's phrase ("Classification Based on Purpose"). Team notes head the things they teach with titles they
    /// seldom write in a sentence ("Transparent Proxy", "Pure Aloha", "AWS Guardduty"), so being unused alone says
    /// nothing.</summary>
    /// <param name="key">The right choice beside which the heading would be offered, or null for a heading asked itself.</param>
    public bool IsTopicHeading(string title, string? key = null)
    {
        var words = QuizText.Words(QuizText.WithoutBrackets(title)).Where(w => w.Any(char.IsLetter)).ToList();
        if (words.Count < 2)
        {
            return false;
        }

        // An article opens names as well as phrases ("The Peter Principle", "The Law of Demeter" on a page of laws):
        // only a preposition or a conjunction makes the heading a phrase by its first word.
        if ((QuizLexicon.DanglingEnds.Contains(words[0]) && !QuizLexicon.Articles.Contains(words[0])) || QuizLexicon.PhraseOpeners.Contains(words[0]))
        {
            return true;
        }

        var unused = TextUses(QuizText.WithoutBrackets(title)) == 0;
        var keyWords = key is null ? [] : QuizText.Words(key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var activity = IsGerundOfAVerb(words[0]) || (words[0].EndsWith("ly", StringComparison.OrdinalIgnoreCase) && IsGerundOfAVerb(words[1]));
        if (activity && (key is null ? unused : !IsGerundOfAVerb(QuizText.FirstWord(key)) && !keyWords.Contains(words[0])))
        {
            return true;
        }

        if (!unused)
        {
            return false;
        }

        if (words.Skip(1).SkipLast(1).Select((w, i) => (w, Next: words[i + 2]))
            .Any(p => p.w.Length > 3 && p.w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && QuizLexicon.DanglingEnds.Contains(p.Next)))
        {
            return true;
        }

        // An aspect of the key's subject shares the key's first word and not its head ("Docker Networking" beside Docker
        // Compose); a counterpart shares the head ("Slotted Aloha" beside Pure Aloha, "Lambda – Asynchronous
        // Invocations" beside the synchronous ones): one of the key's kind.
        var own = words.Where(w => !keyWords.Contains(w)).ToList();
        return key is not null && keyWords.Contains(words[0]) && !keyWords.Contains(words[^1])
            && own.All(w => QuizLexicon.DanglingEnds.Contains(w) || (!QuizText.IsAcronym(w) && w.Any(char.IsLower) && IsCommonWord(w)));
    }

    /// <summary>True for a word in -ing whose verb the notes write in lower case ("running": "run", "runs"; "reloading":
    /// "reload"): an activity. A noun in -ing with no such verb ("string", "spring") is not.</summary>
    private bool IsGerundOfAVerb(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length < MinGerundLength || !w.EndsWith("ing", StringComparison.Ordinal) || !w.All(char.IsLetter))
        {
            return false;
        }

        var stem = w[..^3];
        string[] bases = stem.Length > 2 && stem[^1] == stem[^2] ? [stem, stem + "e", stem[..^1]] : [stem, stem + "e"];
        return bases.Where(b => b.Length >= 3 && !QuizLexicon.DanglingEnds.Contains(b))
            .Sum(b => _lowerWords.GetValueOrDefault(b) + _lowerWords.GetValueOrDefault(b + "s") + _lowerWords.GetValueOrDefault(b + "es")) >= 2;
    }

    /// <summary>The shortest gerund read as one ("using"; "ring", "king" are not).</summary>
    private const int MinGerundLength = 5;

    [GeneratedRegex(@"(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}'’-])")]
    private static partial Regex CapitalisedWordRegex();

    /// <summary>The fewest times the notes must write a word in capitals, or as a name inside a sentence, for a
    /// lower-case use of it in a stem to be read as a lapse of case: once could be a title's capital.</summary>
    private const int MinCasedUses = 2;

    /// <summary>The most times the notes may write a word in lower case for that to be a lapse of case: a word they
    /// write in lower case more often is English to them ("protocol" beside the title-cased "Routing Protocol").</summary>
    private const int MaxLapses = 1;

    /// <summary>The notes' words in a stem as the notes usually write them: a word written in lower case at most
    /// <see cref="MaxLapses"/> time is written in capitals when the notes write it so <see cref="MinCasedUses"/> times
    /// or more ("aws" → "AWS", "waf" → "WAF"), capitalised when they write it so inside sentences as often ("amazon" →
    /// "Amazon"); the pronoun "i" as "I". A question quoted from quick notes keeps their words but not their lapses
    /// of case, which readers count against the question (outside rating 36: "Can i use aws waf …?", "amazon creates
    /// key and manages it"). Only the quotation of a stem that quotes the notes (“…”), or the whole of one that is
    /// the notes' own question; words in code, paths and links are left as written.</summary>
    public string InUsualCase(string text) =>
        text.Contains('“', StringComparison.Ordinal)
            ? QuotationRegex().Replace(text, q => LowerCaseWordRegex().Replace(q.Value, m => UsualCase(m.Value)))
            : LowerCaseWordRegex().Replace(text, m => UsualCase(m.Value));

    private string UsualCase(string word)
    {
        if (word == "i")
        {
            return "I";
        }

        if (_lowerWords.GetValueOrDefault(word) > MaxLapses)
        {
            return word;
        }

        if (_upperWords.GetValueOrDefault(word) >= MinCasedUses)
        {
            return word.ToUpperInvariant();
        }

        return _midSentenceCapitals.GetValueOrDefault(word) >= MinCasedUses ? char.ToUpperInvariant(word[0]) + word[1..] : word;
    }

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex QuotationRegex();

    // A word of lower-case letters standing alone: not part of a path, a link, an identifier or code.
    [GeneratedRegex(@"(?<![\p{L}\p{N}'’_`./:@#$\\-])\p{Ll}+(?![\p{L}\p{N}'’_`/:@(\\-]|\.\p{L})")]
    private static partial Regex LowerCaseWordRegex();
}
