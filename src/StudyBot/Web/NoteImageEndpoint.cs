using Microsoft.Net.Http.Headers;
using StudyBot.Core.Chat;

namespace StudyBot.Web;

/// <summary>
/// <c>GET /api/notes/images/{path}</c>: an image of the notes folder, by its path relative to the folder, as answers
/// name it. Anything that is not such a file (a <c>..</c>, an absolute path, a link out of the folder, another file
/// type, a file over the size cap) is 404, the same as a missing file, so the answer tells nothing about the disk.
/// </summary>
internal static class NoteImageEndpoint
{
    public const string Prefix = "/api/notes/images/";

    /// <summary>Notes change while the bot runs: a browser or Discord's media proxy keeps a copy for a few minutes, then
    /// asks again with the ETag.</summary>
    private const string CacheControl = "public, max-age=300";

    public static void MapNoteImages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Prefix + "{**path}", [HttpMethods.Get, HttpMethods.Head], Serve);

    private static IResult Serve(string? path, NoteImageFiles files, HttpContext context)
    {
        if (string.IsNullOrEmpty(path) || files.Find(path) is not { } file)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = CacheControl;
        return Results.File(
            file.FullName,
            NoteImageFiles.ContentType(file.Name),
            lastModified: file.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\""));
    }
}
