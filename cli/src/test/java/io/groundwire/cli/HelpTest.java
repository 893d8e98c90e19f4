package io.groundwire.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code groundwire --help} lists each command with its first description line as the summary. */
class HelpTest {
  @Test
  void everyCommandSummaryIsOneCompleteShortSentence() {
    List<CommandLine> commands = new ArrayList<>();
    collect(Main.newCommandLine(), commands);
    for (CommandLine command : commands) {
      String name = command.getCommandSpec().qualifiedName();
      if (name.endsWith(" help")) {
        continue; // picocli's own
      }
      String[] description = command.getCommandSpec().usageMessage().description();
      assertTrue(description.length > 0, name + " has no description");
      String summary = description[0];
      assertTrue(summary.endsWith("."), name + ": summary is not a sentence: " + summary);
      assertTrue(summary.length() <= 77, name + ": summary wraps in the command list: " + summary);
      assertFalse(summary.substring(0, summary.length() - 1).contains(". "),
          name + ": summary holds more than one sentence: " + summary);
    }
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    if (command.getParent() != null) {
      into.add(command);
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, into));
  }
}
