using Sharp.Bpf.Flat.Cli;

return FlatCommand.Create(Console.Out, Console.Error).Parse(args).Invoke();
