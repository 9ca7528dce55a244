using StudyBot.Cli;

return await CliApp.RunAsync(args);
