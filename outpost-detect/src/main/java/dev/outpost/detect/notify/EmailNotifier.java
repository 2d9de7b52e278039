package dev.outpost.detect.notify;

import dev.outpost.core.Alert;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Sends alerts as plain-text e-mail over SMTP (Jakarta Mail). Messages of one thread share a {@code
 * References} header so that mail clients show them as one conversation.
 */
public final class EmailNotifier implements Notifier {
  /**
   * Where and how to send.
   *
   * @param host SMTP host
   * @param port SMTP port
   * @param startTls require STARTTLS
   * @param username login, empty for none
   * @param password password (secret), empty for none
   * @param from sender address
   * @param to recipients
   */
  public record Smtp(
      String host,
      int port,
      boolean startTls,
      Optional<String> username,
      Optional<String> password,
      String from,
      List<String> to) {
    public Smtp {
      if (host == null || host.isBlank() || port < 1 || port > 65_535) {
        throw new IllegalArgumentException("SMTP host and port (1-65535) are required");
      }
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("at least one recipient is required");
      }
      try {
        new InternetAddress(from, true);
        for (String t : to) {
          new InternetAddress(t, true);
        }
      } catch (AddressException e) {
        throw new IllegalArgumentException("bad e-mail address: " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return "Smtp[host=" + host + ", port=" + port + ", from=" + from + ", to=" + to + "]";
    }
  }

  private final String name;
  private final Smtp smtp;
  private final Session session;

  public EmailNotifier(String name, Smtp smtp) {
    this.name = Objects.requireNonNull(name, "name");
    this.smtp = Objects.requireNonNull(smtp, "smtp");
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", Integer.toString(smtp.port()));
    p.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
    p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    this.session = Session.getInstance(p);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Alert a) throws NotifyException {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(smtp.from()));
      for (String t : smtp.to()) {
        m.addRecipient(Message.RecipientType.TO, new InternetAddress(t));
      }
      String subject = "[outpost] " + a.kind().id() + " " + a.phase().id() + ": " + a.summary();
      m.setSubject(subject.length() > 200 ? subject.substring(0, 200) : subject, "UTF-8");
      m.setSentDate(Date.from(a.at()));
      String threadRef = "<" + a.threadId().replaceAll("[^A-Za-z0-9._-]", "_") + "@outpost>";
      m.setHeader("References", threadRef);
      m.setHeader("X-Outpost-Thread", a.threadId());
      m.setText(body(a), StandardCharsets.UTF_8.name());
      if (smtp.username().isPresent()) {
        Transport.send(m, smtp.username().get(), smtp.password().orElse(""));
      } else {
        Transport.send(m);
      }
    } catch (AuthenticationFailedException e) {
      throw new NotifyException(name + ": SMTP login refused", false, e);
    } catch (MessagingException e) {
      throw new NotifyException(name + ": " + e.getMessage(), true, e);
    }
  }

  static String body(Alert a) {
    StringBuilder sb = new StringBuilder();
    sb.append(a.summary()).append("\n\n");
    sb.append("kind: ").append(a.kind().id()).append('\n');
    sb.append("phase: ").append(a.phase().id()).append('\n');
    sb.append("severity: ").append(a.severity().id()).append('\n');
    sb.append("subject: ").append(a.subject()).append('\n');
    sb.append("at: ").append(a.at()).append('\n');
    sb.append("observed: ").append(a.observed()).append(", expected: ").append(a.expected());
    sb.append("\nevidence: ").append(a.evidence()).append('\n');
    new TreeMap<>(a.details()).forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
    return sb.toString();
  }
}
