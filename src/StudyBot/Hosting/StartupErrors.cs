using System.Reflection;
using Microsoft.Extensions.Options;

namespace StudyBot.Hosting;

/// <summary>Turns an options validation failure into one line that names the configuration section.</summary>
internal static class StartupErrors
{
    public static string Describe(OptionsValidationException exception)
    {
        var section = exception.OptionsType
            .GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        var prefix = section is null ? "" : $"[{section}] ";
        return prefix + string.Join(" ", exception.Failures);
    }
}
