package io.groundwire.it.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groundwire.cli.http.DemoSite;
import io.groundwire.it.support.ExternalProgram;
import io.groundwire.it.support.GroundwireCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code groundwire http-server --tls-keystore ... --tls-password-file ...} serves HTTPS to curl. */
@Timeout(120)
class HttpsCurlTest {
  @TempDir Path temp;

  @Test
  void servesTheDemoOverHttpsFromAPkcs12Keystore() throws Exception {
    Path curl = ExternalProgram.require("curl", "curl");
    Path keystore = temp.resolve("server.p12");
    Path keytool = GroundwireCli.java().resolveSibling("keytool");
    Programs.Result generated = Programs.run(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "changeit", "-keypass", "changeit"), 60);
    assertEquals(0, generated.exitCode(), generated.stderr());
    Path passwordFile = Files.writeString(temp.resolve("password"), "changeit\n");

    try (HttpServerProcess server = new HttpServerProcess(
        "--tls-keystore", keystore.toString(), "--tls-password-file", passwordFile.toString())) {
      Programs.Result result = Programs.run(List.of(curl.toString(), "--silent", "--show-error", "--insecure",
          "--max-time", "20", "https://127.0.0.1:" + server.port() + DemoSite.IMAGE_PATH), 30);
      assertEquals(0, result.exitCode(), result.stderr());
      assertArrayEquals(DemoSite.load().image(), result.stdout());
    }
  }
}
