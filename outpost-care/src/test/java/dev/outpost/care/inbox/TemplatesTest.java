package dev.outpost.care.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  @Test
  void variablesAreFilledInAndValuesAreTakenLiterally() {
    assertThat(
            Templates.render(
                "Hi {{author.name}}, {{ agent.name }} here about case {{case.id}}.",
                Map.of("author.name", "Zoë $1 \\o/", "agent.name", "Sam", "case.id", "7")))
        .isEqualTo("Hi Zoë $1 \\o/, Sam here about case 7.");
  }

  @Test
  void anUnknownVariableIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> Templates.render("Hi {{author.nmae}}", Templates.SAMPLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown variable {{author.nmae}}")
        .hasMessageContaining("author.name");
  }
}
