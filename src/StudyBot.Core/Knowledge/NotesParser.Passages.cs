using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Passages: lines emitted in chunks of a few lines, prose cut where a sentence ends (<see cref="Walker.EmitChunks"/>,
/// <see cref="Walker.SentenceEnd"/>), each a <see cref="NoteEntry"/> with its section, heading path and the titles it
/// leads (<see cref="Walker.Emit"/>), the emphasis spans on its lines (<see cref="Walker.EmphasisOn"/>, recorded by
/// <see cref="Walker.MarkEmphasis"/>) and the share of it that is links (<see cref="Walker.LinkShare"/>).
/// </summary>
internal static partial class NotesParser
{
    /// <summary>A markdown link, an autolink or a bare URL.</summary>
    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\([^)]*\)|<?https?://\S+")]
    private static partial Regex LinkPattern();

    /// <summary>A line that ends a sentence: a full stop, question or exclamation mark, or a colon, maybe followed by
    /// closing quotes, brackets or emphasis.</summary>
    [GeneratedRegex(@"[.!?:][""”’')\]*_`]*\s*$")]
    private static partial Regex EndsSentence();

    private sealed partial class Walker
    {
        private void EmitChunks(List<TextLine> lines, PassageKind kind, string context)
        {
            // A chunk holds a few text lines and never spans more than a few source lines (blank lines included). A
            // chunk of prose ends where a sentence does: a book wraps its paragraphs at a width, and a chunk cut
            // mid-sentence was read on its own ("If we had given user2 new String values …, and thus only used the
            // active and sign_in_count" read as a restriction, a No, though the sentence goes on "… then user1 would
            // still be valid").
            var start = 0;
            while (start < lines.Count)
            {
                var end = start;
                while (end < lines.Count && end - start < MaxChunkLines && lines[end].Line - lines[start].Line < MaxPairLines)
                {
                    end++;
                }

                if (end < lines.Count && kind != PassageKind.Code)
                {
                    end = SentenceEnd(lines, start, end);
                }

                EmitChunk(lines[start..end], kind, context);
                start = end;
            }
        }

        /// <summary>Where a full chunk of prose (<paramref name="start"/> to <paramref name="end"/>, exclusive) ends: after
        /// its last line that ends a sentence when that is one of its later half; else after the first of the next
        /// <see cref="MaxSentenceRunOn"/> lines that ends one; else where it is.</summary>
        private static int SentenceEnd(List<TextLine> lines, int start, int end)
        {
            for (var i = end - 1; i >= start + ((end - start) / 2); i--)
            {
                if (EndsSentence().IsMatch(lines[i].Text))
                {
                    return i + 1;
                }
            }

            for (var i = end; i < Math.Min(lines.Count, end + MaxSentenceRunOn); i++)
            {
                if (EndsSentence().IsMatch(lines[i].Text))
                {
                    return i + 1;
                }
            }

            return end;
        }

        private void EmitChunk(List<TextLine> chunk, PassageKind kind, string context)
        {
            var chunkText = JoinText(chunk);
            if (chunk.Count > 0 && !string.IsNullOrWhiteSpace(chunkText))
            {
                Emit(chunk[0].Line, chunk[^1].Line, chunkText, kind, context);
            }
        }

        private void Emit(int start, int end, string passageText, PassageKind kind, string context, string? question = null, string? answer = null)
        {
            if (_entries.Count >= maxPassages)
            {
                throw new PassageLimitException();
            }

            var passage = new Passage(file, Section, HeadingPath(), start, end, passageText.Trim(), kind, question, answer, EmphasisOn(start, end));
            var titles = _soft is null ? _headings : [.. _headings, _soft];
            var leads = new List<Heading>();
            for (var depth = 0; depth < titles.Count; depth++)
            {
                if (!titles[depth].Used)
                {
                    titles[depth].Used = true;
                    leads.Add(new Heading(titles[depth].Title, titles[depth].Line, depth));
                }
            }

            _entries.Add(new NoteEntry(passage, SectionLine, _indexInSection++, context, leads, LinkShare(start, end)));
        }

        /// <summary>The spans set apart on lines <paramref name="start"/> to <paramref name="end"/>, in order, each text
        /// and kind once; null for none.</summary>
        private List<EmphasisSpan>? EmphasisOn(int start, int end)
        {
            List<EmphasisSpan>? spans = null;
            for (var line = start; line <= end; line++)
            {
                if (!_emphasis.TryGetValue(line, out var onLine))
                {
                    continue;
                }

                spans ??= [];
                spans.AddRange(onLine.Values.Where(s => !spans.Contains(s)));
            }

            return spans;
        }

        private void MarkEmphasis(Inline inline, string value, EmphasisKind kind)
        {
            var text = string.Join(' ', Normalize(value).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (text.Length == 0)
            {
                return;
            }

            var line = _lines.LineOf(inline.Span.Start);
            if (!_emphasis.TryGetValue(line, out var onLine))
            {
                onLine = [];
                _emphasis[line] = onLine;
            }

            onLine[inline.Span.Start] = new EmphasisSpan(text, kind);
        }

        /// <summary>Counted in letters and digits of the text as a reader sees it: a markdown link by its text, a bare URL
        /// whole. Counting the link's source instead made a rule such as "[15.1](#comparison--eqeqeq) Use `===` …
        /// eslint: [`eqeqeq`](https://eslint.org/docs/rules/eqeqeq)" two-thirds links, as if it pointed elsewhere, when
        /// its links are a number and a rule name beside the sentence that answers.</summary>
        private double LinkShare(int start, int end)
        {
            int total = 0, linked = 0;
            static int Visible(string s) => s.Count(char.IsLetterOrDigit); // a bullet's marker or a line's punctuation is no text
            for (var line = start; line <= end && line <= _lines.LineCount; line++)
            {
                var text = _lines.Line(line);
                var at = 0;
                foreach (var link in LinkPattern().Matches(text).Cast<Match>())
                {
                    var shown = link.Groups["text"] is { Success: true } label ? label.Value : link.Value;
                    total += Visible(text[at..link.Index]) + Visible(shown);
                    linked += Visible(shown);
                    at = link.Index + link.Length;
                }

                total += Visible(text[at..]);
            }

            return total == 0 ? 0 : (double)linked / total;
        }
    }
}
