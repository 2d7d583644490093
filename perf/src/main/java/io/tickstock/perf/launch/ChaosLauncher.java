package io.tickstock.perf.launch;

import io.tickstock.perf.PerfCommand;
import io.tickstock.perf.chaos.ChaosCommand;
import io.tickstock.perf.chaos.ChaosScenario;
import io.tickstock.stack.command.HelpText;
import io.tickstock.stack.control.Builds;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.layout.StackLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./tickstock chaos SCENARIO}: always on a fresh stack of its own in {@code HOME/chaos}, since it kills what
 * it runs on; every option it does not know itself goes to the harness as the user wrote it.
 */
@Command(name = "chaos")
final class ChaosLauncher implements Callable<Integer> {

    @Parameters(arity = "0..1") String scenario;

    @Mixin FreshStackOptions stackOptions;

    @Unmatched List<String> harness = new ArrayList<>();

    private final Invocation invocation;

    ChaosLauncher(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        if (stackOptions.help || scenario == null) {
            invocation.console().out().print(HelpText.of(ChaosLauncher.class, "chaos", invocation.layout()));
            return 0;
        }
        List<String> ids = Arrays.stream(ChaosScenario.values()).map(ChaosScenario::id).toList();
        if (!ids.contains(scenario)) {
            throw new LaunchException("chaos: unknown scenario '" + scenario + "'; choose "
                    + String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1) + ".");
        }
        FreshStack fresh = stackOptions.stack("chaos", false);
        String command = command();
        StackLayout user = invocation.layout();
        // the harness's own options are checked before a stack is started for nothing
        Launcher.checkHarness("chaos", new ChaosCommand(), arguments(RunStack.harnessOptions(user), command));
        new Builds(new Stack(user, invocation.console())).services(false);
        int code;
        StackLayout stackLayout;
        try (RunStack stack = RunStack.fresh("chaos", user, fresh, stackOptions.keep, invocation.console())) {
            stackLayout = stack.layout();
            code = PerfCommand.commandLine(new ChaosCommand(stack.layout()))
                    .execute(arguments(RunStack.harnessOptions(stack.layout()), command));
            if (stack.kept()) {
                invocation.console().info("the stack keeps running (--keep); stop it with: TICKSTOCK_HOME="
                        + stack.layout().home().dir() + " ./tickstock down");
            }
        }
        if (code != 0 && code != ChaosCommand.FAILED) {
            invocation.console().warn("tickstock: chaos: the run did not complete (exit " + code + "); see "
                    + stackLayout.home().logs());
        }
        return code;
    }

    /** The command line as the run records it: the scenario, the sizing, then what went to the harness. */
    String command() {
        return "./tickstock chaos " + scenario + " " + stackOptions.sizingWords() + String.join(" ", harness);
    }

    private String[] arguments(List<String> where, String command) {
        List<String> args = new ArrayList<>(List.of(scenario));
        args.addAll(where);
        args.addAll(List.of("--root", invocation.root().toString(), "--results",
                invocation.results().resolve("chaos").toString(), "--command", command));
        args.addAll(harness);
        return args.toArray(String[]::new);
    }
}
