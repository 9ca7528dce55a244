using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Question-answer pairs: a line that asks (<see cref="IsQuestion"/>; without its "Q:" label,
/// <see cref="Unlabelled"/>), an answer without its "A:" label (<see cref="WithoutAnswerLabel"/>), a sibling bullet
/// that can answer the question bullet before it (<see cref="SpeaksTo"/>), a question line over the paragraph or list
/// that answers it (<see cref="Walker.EmitQuestionTitlePair"/>); each pair emitted as one passage
/// (<see cref="Walker.EmitPair"/>) under its question as its own section (<see cref="Walker.AsItsOwnSection"/>).
/// </summary>
internal static partial class NotesParser
{
    /// <summary>The shortest word two texts are read as sharing by (its first <see cref="SharedWordPrefix"/> letters:
    /// "vesting" and "vested", "encrypt" and "encryption").</summary>
    private const int SharedWordPrefix = 5;

    /// <summary>Whether a sibling bullet can be the answer to the question bullet before it: it opens with "yes" or
    /// "no", or it shares a word of the question ("- Can i use aws waf …? - Yes - you can use it …"; "- Is Lambda
    /// stateless? - Lambda functions keep no state"). A list of points that holds a question left open ("🚧 How does
    /// taking time off … affect the vesting schedule?" before "Acceleration when a company is sold … is not so
    /// common for employees") goes on to its next point, which was read as the question's answer: a trusted **No** to
    /// "if I take a leave of absence, does my vesting schedule pause?".</summary>
    internal static bool SpeaksTo(string question, string answer)
    {
        if (Lexicon.LeadingYesNo().IsMatch(answer))
        {
            return true;
        }

        static HashSet<string> Words(string text) => Lexicon.LowerWords(text)
            .Where(w => w.Length >= 3 && !NotesAnalyzer.StopWords.Contains(w))
            .Select(w => w.Length > SharedWordPrefix ? w[..SharedWordPrefix] : w)
            .ToHashSet(StringComparer.Ordinal);
        return Words(question).Overlaps(Words(answer));
    }

    /// <summary>True for a line that asks something: ends in "?", or opens like a yes/no question; a "Question:" or
    /// "Q:" label and quotes around it do not count (<see cref="Unlabelled"/>).</summary>
    internal static bool IsQuestion(string line)
    {
        var trimmed = Unlabelled(line);
        if (trimmed.EndsWith('?'))
        {
            return true;
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 3 and <= 16
            && Lexicon.YesNoOpeners.Contains(words[0])
            && !trimmed.EndsWith('.')
            && !trimmed.EndsWith(':');
    }

    /// <summary>A question without the label and quotes that FAQ and exam notes put around it (<c>Question: "Can you
    /// publish RPM packages?"</c>, <c>Q: For interviews, …?</c>): the pair is found and cited by what it asks.</summary>
    internal static string Unlabelled(string question) =>
        QuestionLabel().Replace(question.Trim(), string.Empty).Trim().Trim('"', '“', '”').Trim();

    /// <summary>An answer without its "Answer:" or "A:" label, so that a "No" after it is read as the answer's first
    /// word (<c>Answer: **NO** - GitHub Packages does not support RPM</c>).</summary>
    internal static string WithoutAnswerLabel(string answer) =>
        AnswerLabel().Replace(answer.Trim(), string.Empty).Trim();

    [GeneratedRegex(@"^(?:question|q)\s*[:.]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionLabel();

    [GeneratedRegex(@"^(?:answer|a)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerLabel();

    private sealed partial class Walker
    {
        /// <summary>Emits a question-answer pair under its question as the section: the question is the pair's section,
        /// but not a topic title (the pair is found by its question text), and what follows the answer belongs to the
        /// section the question sat in.</summary>
        private void AsItsOwnSection(string question, int line, Action emit)
        {
            var outer = _soft;
            var outerIndex = _indexInSection;
            SetSoftTitle(question.TrimEnd(':').Trim(), line);
            _soft!.Used = true;
            emit();
            _soft = outer;
            _indexInSection = Math.Max(outerIndex, 1);
            if (outer is not null)
            {
                outer.Used = true;
            }
        }

        private void EmitQuestionTitlePair(string question, int questionLine, Block answer)
        {
            if (answer is ParagraphBlock paragraph)
            {
                var answerLines = InlineLines(paragraph.Inline);
                var head = answerLines.TakeWhile(l => l.Line - questionLine < MaxPairLines).Take(MaxChunkLines).ToList();
                if (head.Count == 0)
                {
                    return;
                }

                EmitPair(question, questionLine, JoinText(head), head[^1].Line, string.Empty);
                EmitChunks(answerLines.Skip(head.Count).ToList(), PassageKind.Paragraph, string.Empty);
                return;
            }

            var list = (ListBlock)answer;
            var items = list.OfType<ListItemBlock>().Select(item => (Item: item, Lines: ItemLines(item))).ToList();
            var taken = 0;
            var answerText = new List<string>();
            var end = questionLine;
            foreach (var (item, lines) in items)
            {
                if (lines.Count == 0)
                {
                    taken++;
                    continue;
                }

                if (answerText.Count > 0 && (answerText.Count >= 3 || lines[^1].Line - questionLine >= MaxPairLines
                    || JoinText(lines).TrimEnd().EndsWith('?')))
                {
                    break;
                }

                answerText.Add(JoinText(lines));
                end = lines[^1].Line;
                taken++;
            }

            if (answerText.Count == 0)
            {
                EmitChunks([new TextLine(questionLine, question)], PassageKind.Paragraph, string.Empty);
                return;
            }

            EmitPair(question, questionLine, string.Join("\n", answerText), end, string.Empty);
            for (var k = 0; k < taken; k++)
            {
                foreach (var nested in items[k].Item.OfType<ListBlock>())
                {
                    WalkList(nested, JoinText(items[k].Lines));
                }
            }

            // The items that did not fit in the pair stay searchable (and may hold their own question-answer pairs).
            WalkItems(items.Skip(taken).ToList(), string.Empty);
        }

        private void EmitPair(string question, int questionLine, string answer, int endLine, string context)
        {
            var q = question.Trim();
            var a = WithoutAnswerLabel(answer);
            Emit(questionLine, endLine, $"{q}\n{a}", PassageKind.QuestionAnswer, context, q, a);
        }
    }
}
