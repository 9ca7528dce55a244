using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Lists and tables: a list's items, each read with its parent bullets as context (<see cref="Walker.WalkItems"/>,
/// <see cref="Walker.WalkItem"/>), a question bullet with the bullet or nested bullets that answer it, a short label
/// bullet cited with its first children (<see cref="Walker.EmitLabelWithChildren"/>), a last item that is only a bold
/// label over what follows the list (<see cref="Walker.WalkListBefore"/>); and a table's rows, each cell read with its
/// header (<see cref="Walker.WalkTable"/>, <see cref="Walker.CellText"/>).
/// </summary>
internal static partial class NotesParser
{
    /// <summary>A list marker that opens a table cell's text before a letter.</summary>
    [GeneratedRegex(@"^[-*+•]\s+(?=\p{L})")]
    private static partial Regex CellListMarker();

    private sealed partial class Walker
    {
        /// <summary>A top-level list whose last item is only a bold label with a colon ("3. **Output Encoding**:") over
        /// a list or paragraph that follows it unindented (Security-101 writes its principles so): the label is that
        /// content's title, as a bold label paragraph is, not a passage of its own.</summary>
        private void WalkListBefore(ListBlock list, Block? next)
        {
            var items = list.OfType<ListItemBlock>().ToList();
            var last = items.Count > 0 ? items[^1] : null;
            if (last is null || next is not (ListBlock or ParagraphBlock or Table or CodeBlock)
                || last.Count != 1 || last[0] is not ParagraphBlock paragraph || ItemLines(last) is not { Count: 1 } lines
                || !JoinText(lines).TrimEnd().EndsWith(':') || BoldLabel(paragraph.Inline, lines) is not { } label
                || !string.Equals(JoinText(lines).Trim().TrimEnd(':').Trim(), label, StringComparison.Ordinal))
            {
                WalkList(list, string.Empty);
                return;
            }

            WalkItems(items.SkipLast(1).Select(item => (Item: item, Lines: ItemLines(item))).ToList(), string.Empty);
            SetSoftTitle(label, lines[0].Line);
        }

        private void WalkList(ListBlock list, string context) =>
            WalkItems(list.OfType<ListItemBlock>().Select(item => (Item: item, Lines: ItemLines(item))).ToList(), context);

        private void WalkItems(List<(ListItemBlock Item, List<TextLine> Lines)> items, string context)
        {
            for (var k = 0; k < items.Count; k++)
            {
                var (item, lines) = items[k];
                if (lines.Count == 0)
                {
                    foreach (var nested in item.OfType<ListBlock>())
                    {
                        WalkList(nested, context);
                    }

                    continue;
                }

                var itemText = JoinText(lines);
                var nestedLists = item.OfType<ListBlock>().ToList();
                if (IsContentsEntry(itemText, lines[^1].Line))
                {
                    foreach (var nested in nestedLists)
                    {
                        WalkList(nested, context);
                    }

                    continue;
                }

                if (itemText.TrimEnd().EndsWith('?'))
                {
                    // "- Question?" answered by the next bullet, or by its own nested bullets.
                    if (nestedLists.Count == 0 && k + 1 < items.Count && items[k + 1].Lines.Count > 0
                        && !JoinText(items[k + 1].Lines).TrimEnd().EndsWith('?')
                        && items[k + 1].Lines[^1].Line - lines[0].Line < MaxPairLines
                        && SpeaksTo(itemText, JoinText(items[k + 1].Lines)))
                    {
                        var answer = items[k + 1];
                        EmitPair(itemText, lines[0].Line, JoinText(answer.Lines), answer.Lines[^1].Line, context);
                        foreach (var nested in answer.Item.OfType<ListBlock>())
                        {
                            WalkList(nested, JoinText(answer.Lines));
                        }

                        k++;
                        continue;
                    }

                    if (nestedLists.Count > 0)
                    {
                        var answerLines = nestedLists[0].OfType<ListItemBlock>().Select(ItemLines).Where(l => l.Count > 0).ToList();
                        if (answerLines.Count > 0 && answerLines[0][^1].Line - lines[0].Line < MaxPairLines)
                        {
                            var fit = answerLines.TakeWhile(l => l[^1].Line - lines[0].Line < MaxPairLines).Take(3).ToList();
                            EmitPair(itemText, lines[0].Line, string.Join("\n", fit.Select(JoinText)), fit[^1][^1].Line, context);
                            var rest = nestedLists[0].OfType<ListItemBlock>().Where(i => ItemLines(i) is { Count: > 0 } l && l[0].Line > fit[^1][^1].Line);
                            foreach (var restItem in rest)
                            {
                                WalkItem(restItem, ItemLines(restItem), itemText);
                            }

                            continue;
                        }
                    }
                }

                WalkItem(item, lines, context);
            }
        }

        private void WalkItem(ListItemBlock item, List<TextLine> lines, string context)
        {
            if (lines.Count > 0 && !EmitLabelWithChildren(item, lines, context))
            {
                EmitChunks(lines, PassageKind.Bullet, context);
            }

            var itemText = lines.Count > 0 ? JoinText(lines) : string.Empty;
            var childContext = string.IsNullOrEmpty(context) ? itemText : $"{context}\n{itemText}";
            foreach (var nested in item.OfType<ListBlock>())
            {
                WalkList(nested, childContext);
            }

            // Blocks after an item's nested list (an indented heading, a later paragraph) are not the bullet's text.
            WalkBlocks(TrailingBlocks(item));
        }

        /// <summary>A short bullet that heads nested bullets ("Amazon VPC" over its facts, "Benefits:") is cited with
        /// its first children, so its passage says something; the children stay passages of their own.</summary>
        private bool EmitLabelWithChildren(ListItemBlock item, List<TextLine> lines, string context)
        {
            var label = JoinText(lines).Trim();
            var isLabel = lines.Count == 1 && (label.EndsWith(':') || label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8);
            var children = item.OfType<ListBlock>().FirstOrDefault()?.OfType<ListItemBlock>().Select(ItemLines).Where(l => l.Count > 0).ToList();
            if (!isLabel || children is not { Count: > 0 })
            {
                return false;
            }

            var taken = children.TakeWhile(c => c[^1].Line - lines[0].Line < MaxLabelLines).Take(3).ToList();
            if (taken.Count == 0)
            {
                return false;
            }

            Emit(lines[0].Line, taken[^1][^1].Line, $"{label}\n{string.Join("\n", taken.Select(JoinText))}", PassageKind.Bullet, context);
            return true;
        }

        /// <summary>The blocks of an item that are not its bullet's text: those after its nested list (an indented
        /// heading, a later paragraph) and a table anywhere in it, read as a table of its own.</summary>
        private static List<Block> TrailingBlocks(ListItemBlock item) =>
            [.. item.TakeWhile(b => b is not ListBlock).OfType<Table>(), .. item.SkipWhile(b => b is not ListBlock).Where(b => b is not ListBlock)];

        private void WalkTable(Table table)
        {
            var rows = table.OfType<TableRow>().ToList();
            var header = rows.FirstOrDefault(r => r.IsHeader);
            // A header may end in a colon of its own ("| You need to: | You should use: |"); the row is written
            // "header: cell", so it is dropped there rather than doubled ("You need to:: Show data trends over time").
            var headerCells = header is null ? [] : header.OfType<TableCell>().Select(c => CellText(c).TrimEnd().TrimEnd(':').TrimEnd()).ToList();
            foreach (var row in rows)
            {
                if (row.IsHeader)
                {
                    continue;
                }

                var cells = row.OfType<TableCell>().Select(c => CellText(c)).ToList();
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var parts = cells
                    .Select((cell, index) =>
                        string.IsNullOrWhiteSpace(cell) ? string.Empty
                        : index < headerCells.Count && !string.IsNullOrWhiteSpace(headerCells[index]) ? $"{headerCells[index]}: {cell}"
                        : cell)
                    .Where(part => part.Length > 0);
                var line = _lines.LineOf(row.Span.Start);
                Emit(line, line, string.Join(" | ", parts), PassageKind.TableRow, string.Empty);
            }
        }

        /// <summary>A cell's text; a cell that opens with a list marker before a word ("| - Mutualism |", a kind of the
        /// row above written as its sub-item) is read without it: the quiz offered "- Mutualism" as a choice. A value
        /// that opens with a dash ("- / -", "-1") stays.</summary>
        private string CellText(TableCell cell) =>
            CellListMarker().Replace(string.Join(" ", cell.OfType<ParagraphBlock>().SelectMany(p => InlineLines(p.Inline)).Select(l => l.Text.Trim())), string.Empty);
    }
}
