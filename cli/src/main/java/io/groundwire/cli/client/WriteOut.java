package io.groundwire.cli.client;

import java.io.PrintStream;
import java.util.Locale;

/**
 * curl's {@code -w FORMAT}: variables {@code %{http_code}}, {@code %{num_connects}},
 * {@code %{size_download}}, {@code %{time_total}}, {@code %{url_effective}}, {@code %{num_redirects}};
 * {@code %{stderr}} and {@code %{stdout}} switch where the rest goes; {@code \n}, {@code \r},
 * {@code \t}, {@code \\} escapes and {@code %%}.
 */
final class WriteOut {
  /** What one transfer measured. */
  record Transfer(int httpCode, int numConnects, long sizeDownload, long nanos, String urlEffective, int redirects) {}

  private WriteOut() {}

  static void print(String format, Transfer t, PrintStream stdout, PrintStream stderr) {
    PrintStream out = stdout;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c == '\\' && i + 1 < format.length()) {
        char e = format.charAt(i + 1);
        switch (e) {
          case 'n' -> out.print('\n');
          case 'r' -> out.print('\r');
          case 't' -> out.print('\t');
          case '\\' -> out.print('\\');
          default -> out.print("\\" + e);
        }
        i += 2;
      } else if (c == '%' && format.startsWith("%%", i)) {
        out.print('%');
        i += 2;
      } else if (c == '%' && format.startsWith("%{", i) && format.indexOf('}', i) > 0) {
        int end = format.indexOf('}', i);
        String name = format.substring(i + 2, end);
        switch (name) {
          case "http_code", "response_code" -> out.print(String.format(Locale.ROOT, "%03d", t.httpCode()));
          case "num_connects" -> out.print(t.numConnects());
          case "num_redirects" -> out.print(t.redirects());
          case "size_download" -> out.print(t.sizeDownload());
          case "time_total" -> out.print(String.format(Locale.ROOT, "%.6f", t.nanos() / 1e9));
          case "url_effective" -> out.print(t.urlEffective());
          case "stderr" -> out = stderr;
          case "stdout" -> out = stdout;
          default -> out.append(format, i, end + 1);
        }
        i = end + 1;
      } else {
        out.print(c);
        i++;
      }
    }
    out.flush();
  }
}
