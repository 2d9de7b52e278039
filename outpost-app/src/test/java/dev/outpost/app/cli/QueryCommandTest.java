package dev.outpost.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class QueryCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new QueryCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void printsTheNormalisedQuery() {
    assertThat(run("check", "@United OR \"United Airlines\" #UnitedAirlines")).isZero();
    assertThat(out.toString().strip())
        .isEqualTo("@united OR (\"united airlines\" AND #unitedairlines)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void reportsTheColumnOfAnErrorAndExits2() {
    assertThat(run("check", "delta AND (late OR")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("error at column 17: OR needs a term after it");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void isASubcommandOfOutpost() {
    assertThat(Main.run("query", "check", "followers:>x")).isEqualTo(2);
    assertThat(Main.run("query", "check", "jetblue")).isZero();
  }
}
