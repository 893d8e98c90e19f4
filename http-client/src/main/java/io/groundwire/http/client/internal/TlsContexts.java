package io.groundwire.http.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the {@link SSLContext}s the client uses: default, custom trust, or (explicitly) insecure. */
public final class TlsContexts {
  private TlsContexts() {}

  /** The JDK's default context, trusting the JDK's CA certificates. */
  public static SSLContext system() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no default TLS context in this JDK", e);
    }
  }

  /**
   * A context trusting only the certificates in {@code file}: a PKCS#12 store (by extension
   * {@code .p12}/{@code .pfx}, or when it does not look like PEM) or PEM certificates.
   *
   * @throws IOException when the file cannot be read or holds no usable certificate
   */
  public static SSLContext trusting(Path file, char[] password) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    boolean pem = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains("-----BEGIN CERTIFICATE-----");
    try {
      KeyStore store;
      if (pem && !name.endsWith(".p12") && !name.endsWith(".pfx")) {
        store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        Collection<? extends Certificate> certificates;
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
          certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
          store.setCertificateEntry("cert-" + i++, certificate);
        }
        if (i == 0) {
          throw new IOException(file + " holds no PEM certificate");
        }
      } else {
        store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
          store.load(in, password);
        }
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use " + file + " as a trust store: " + e.getMessage(), e);
    }
  }

  /** A context that accepts any certificate: only for the CLI's {@code -k}; never a default. */
  public static SSLContext insecure() {
    TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
