package dev.outpost.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code outpost.yaml}. {@code ${NAME}} in the file is replaced by the environment variable
 * NAME, so that passwords need not be written in it. Every problem is reported with the file and,
 * where known, the line and column.
 */
public final class ConfigLoader {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private final Function<String, String> environment;

  public ConfigLoader(Function<String, String> environment) {
    this.environment = environment;
  }

  public static ConfigLoader withSystemEnvironment() {
    Map<String, String> env = System.getenv();
    return new ConfigLoader(env::get);
  }

  /** Loads and checks a config file; throws {@link ConfigException} saying what and where. */
  public OutpostConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file not found: " + file, e);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  OutpostConfig parse(String name, String text) {
    String expanded = expand(name, text);
    try {
      OutpostConfig config = yaml.readValue(expanded, OutpostConfig.class);
      if (config == null) {
        throw new ConfigException(name + ": the file is empty");
      }
      config.topics().forEach(t -> t.toTopic());
      return config;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          name + where(e.getLocation()) + ": unknown setting '" + path(e) + "'", e);
    } catch (JsonMappingException e) {
      throw new ConfigException(
          name + where(e.getLocation()) + ": setting '" + path(e) + "': " + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(name + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + ": " + e.getMessage(), e);
    }
  }

  private String expand(String name, String text) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (inComment(text, m.start())) {
        continue; // "${NAME}" in a comment is documentation, not a variable
      }
      String value = environment.apply(m.group(1));
      if (value == null) {
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        throw new ConfigException(
            name + " line " + line + ": environment variable " + m.group(1) + " is not set");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether the position is in a comment line ({@code #} first on its line, after blanks). */
  private static boolean inComment(String text, int at) {
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return text.substring(lineStart, at).stripLeading().startsWith("#");
  }

  /** Jackson's YAML parser reads ahead, so the line is where the problem was noticed. */
  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 0 ? "" : " near line " + location.getLineNr();
  }

  /**
   * The dotted path of the setting at fault, for example {@code server.port} or {@code
   * topics[2].kind}.
   */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex() + 1).append(']');
      }
    }
    return path.toString();
  }

  /** A configuration problem, described for a person. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
      super(message);
    }

    public ConfigException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
