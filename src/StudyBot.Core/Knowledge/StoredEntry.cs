using System.Text;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// A passage and what ranking knows of its place (<see cref="NoteEntry"/>), as the bytes of one stored Lucene field:
/// the index keeps them on disk and the answer path reads them back only for the few candidates it scores, so memory
/// does not grow with the notes.
/// </summary>
internal static class StoredEntry
{
    /// <summary>Bumped whenever the layout changes; an index written with another layout is rebuilt.</summary>
    public const int Version = 3;

    public static byte[] Encode(NoteEntry entry)
    {
        using var stream = new MemoryStream(64 + (entry.Passage.Text.Length * 2));
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var passage = entry.Passage;
            writer.Write(passage.File);
            writer.Write(passage.Section);
            writer.Write(passage.HeadingPath.Count);
            foreach (var heading in passage.HeadingPath)
            {
                writer.Write(heading);
            }

            writer.Write(passage.LineStart);
            writer.Write(passage.LineEnd);
            writer.Write(passage.Text);
            writer.Write((int)passage.Kind);
            WriteOptional(writer, passage.Question);
            WriteOptional(writer, passage.AnswerText);
            writer.Write(entry.SectionLine);
            writer.Write(entry.IndexInSection);
            writer.Write(entry.Context);
            writer.Write(entry.Leads.Count);
            foreach (var lead in entry.Leads)
            {
                writer.Write(lead.Title);
                writer.Write(lead.Line);
                writer.Write(lead.Depth);
            }

            writer.Write(entry.LinkShare);
            writer.Write(passage.Emphasis?.Count ?? 0);
            foreach (var span in passage.Emphasis ?? [])
            {
                writer.Write(span.Text);
                writer.Write((int)span.Kind);
            }
        }

        return stream.ToArray();
    }

    public static NoteEntry Decode(byte[] bytes, int offset, int length)
    {
        using var stream = new MemoryStream(bytes, offset, length, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var file = reader.ReadString();
        var section = reader.ReadString();
        var headingPath = new string[reader.ReadInt32()];
        for (var i = 0; i < headingPath.Length; i++)
        {
            headingPath[i] = reader.ReadString();
        }

        var lineStart = reader.ReadInt32();
        var lineEnd = reader.ReadInt32();
        var text = reader.ReadString();
        var kind = (PassageKind)reader.ReadInt32();
        var question = ReadOptional(reader);
        var answerText = ReadOptional(reader);
        var sectionLine = reader.ReadInt32();
        var indexInSection = reader.ReadInt32();
        var context = reader.ReadString();
        var leads = new Heading[reader.ReadInt32()];
        for (var i = 0; i < leads.Length; i++)
        {
            leads[i] = new Heading(reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());
        }

        var linkShare = reader.ReadDouble();
        var emphasis = new EmphasisSpan[reader.ReadInt32()];
        for (var i = 0; i < emphasis.Length; i++)
        {
            emphasis[i] = new EmphasisSpan(reader.ReadString(), (EmphasisKind)reader.ReadInt32());
        }

        return new NoteEntry(
            new Passage(file, section, headingPath, lineStart, lineEnd, text, kind, question, answerText, emphasis.Length == 0 ? null : emphasis),
            sectionLine, indexInSection, context, leads, linkShare);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
