package vn.signer.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/**
 * 'signer completion bash|zsh': the shell completion script picocli generates from the same model as
 * the help, so it never lags behind the options. The script works in both shells (in zsh it loads
 * bashcompinit itself); the argument says which one the user installs it for.
 */
@Command(name = "completion", description = {
    "Prints the completion script of signer for SHELL (bash or zsh). Install it with",
    "  signer completion bash > ~/.local/share/bash-completion/completions/signer",
    "or, for zsh, add to ~/.zshrc:  source <(signer completion zsh)"})
final class CompletionCommand implements Callable<Integer> {
    @ParentCommand
    SignerCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        String which = shell.strip().toLowerCase(Locale.ROOT);
        if (!which.equals("bash") && !which.equals("zsh")) {
            throw new SignerException(ErrorCode.USAGE, CliWords.problem("usage.completionShell", shell));
        }
        root.terminal().out().print(AutoComplete.bash("signer", spec.root().commandLine()));
        root.terminal().out().flush();
        return ExitCodes.OK;
    }
}
