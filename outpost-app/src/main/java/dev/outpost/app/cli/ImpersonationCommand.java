package dev.outpost.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.identity.Assessment;
import dev.outpost.identity.Candidate;
import dev.outpost.identity.ImpersonationScorer;
import dev.outpost.identity.ProtectedIdentity;
import dev.outpost.identity.Reason;
import dev.outpost.identity.TakedownReport;
import dev.outpost.identity.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outpost impersonation}: scores candidate accounts against the protected identities. */
@Command(
    name = "impersonation",
    mixinStandardHelpOptions = true,
    description = {
      "Scores accounts that may impersonate the brand: one JSON line per candidate, in order,",
      "with score (0..1), verdict (impersonation|suspicious|ok) and reasons."
    })
public final class ImpersonationCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--protected",
      required = true,
      paramLabel = "FILE",
      description =
          "Protected identities, one per line: network:@handle, name:Display Name,"
              + " domain:example.com or avatar:IMAGE; # comments and blank lines are skipped.")
  Path protectedFile;

  @Option(
      names = "--candidates",
      required = true,
      paramLabel = "FILE.jsonl",
      description =
          "Candidate accounts, one JSON object per line (handle, network, displayName, bio,"
              + " createdAt, ...); - reads standard input.")
  String candidates;

  @Option(
      names = "--allow",
      paramLabel = "FILE",
      description = "Accounts that never score, one network:@handle or @handle per line.")
  Path allowFile;

  @Option(
      names = "--report",
      description = "Add a takedown report (where and what to report) to impersonation verdicts.")
  boolean report;

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      description = "Time used for account age (ISO-8601, default: the current time).")
  String now;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ProtectedIdentity> identities = readProtected();
    List<String> allow = allowFile == null ? List.of() : entries(allowFile, "--allow");
    ImpersonationScorer scorer;
    try {
      scorer = new ImpersonationScorer(identities, allow, clock());
    } catch (IllegalArgumentException e) {
      throw new UserError("--allow " + allowFile + ": " + e.getMessage(), 2);
    }
    try (BufferedReader in = open()) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        out.println(JSON.writeValueAsString(scoreLine(scorer, line, number, err)));
      }
    }
    out.flush();
    err.flush();
    return 0;
  }

  private ObjectNode scoreLine(
      ImpersonationScorer scorer, String line, int number, PrintWriter err) {
    ObjectNode node = JSON.createObjectNode();
    node.put("line", number);
    Candidate candidate;
    try {
      if (line.isBlank()) {
        throw new IllegalArgumentException("empty line");
      }
      candidate = Candidate.fromJson(line);
    } catch (IllegalArgumentException e) {
      String message = "line " + number + ": " + e.getMessage();
      err.println("error: " + message);
      node.put("error", message);
      return node;
    }
    Assessment a = scorer.score(candidate);
    node.put("network", a.network());
    node.put("handle", a.handle());
    node.put("score", a.score());
    node.put("verdict", a.verdict().label());
    a.resembles().ifPresent(r -> node.put("resembles", r));
    ArrayNode reasons = node.putArray("reasons");
    for (Reason r : a.reasons()) {
      ObjectNode reason = reasons.addObject();
      reason.put("signal", r.signal());
      reason.put("detail", r.detail());
      reason.put("weight", Math.round(r.weight() * 1000) / 1000.0);
    }
    if (report && a.verdict() == Verdict.IMPERSONATION) {
      node.set("report", JSON.valueToTree(TakedownReport.of(candidate, a)));
    }
    return node;
  }

  private List<ProtectedIdentity> readProtected() {
    List<String> lines = lines(protectedFile, "--protected");
    List<ProtectedIdentity> ids;
    try {
      Path base = protectedFile.toAbsolutePath().getParent();
      ids = ProtectedIdentity.parse(lines, base == null ? Path.of(".") : base);
    } catch (IllegalArgumentException e) {
      throw new UserError("--protected " + protectedFile + ": " + e.getMessage(), 2);
    }
    if (ids.isEmpty()) {
      throw new UserError("--protected " + protectedFile + ": no identities in the file", 2);
    }
    return ids;
  }

  private static List<String> entries(Path file, String option) {
    List<String> out = new ArrayList<>();
    for (String l : lines(file, option)) {
      String s = l.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> lines(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(option + " " + file + ": no such file", 2);
    }
    try (BufferedReader r = reader(Files.newInputStream(file))) {
      return r.lines().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UserError(option + " " + file + ": cannot read (" + e.getMessage() + ")", 2);
    }
  }

  private BufferedReader open() throws IOException {
    if (candidates.equals("-")) {
      return reader(System.in);
    }
    Path file = Path.of(candidates);
    if (!Files.isRegularFile(file)) {
      throw new UserError("--candidates " + file + ": no such file", 2);
    }
    return reader(Files.newInputStream(file));
  }

  /** UTF-8 with malformed bytes replaced (U+FFFD), so one bad line cannot stop the file. */
  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private Clock clock() {
    if (now == null) {
      return Clock.systemUTC();
    }
    try {
      return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new UserError("--now: not an ISO-8601 instant: " + now, 2);
    }
  }
}
