package dev.intake.local.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the root command's settings and output. */
abstract class CliCommand {

    @Spec
    CommandSpec spec;

    IntakeCli cli() {
        return (IntakeCli) spec.root().userObject();
    }

    PrintWriter out() {
        return cli().out;
    }

    PrintWriter err() {
        return cli().err;
    }
}
