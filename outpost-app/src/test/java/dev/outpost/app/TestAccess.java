package dev.outpost.app;

import dev.outpost.accounts.Role;
import dev.outpost.accounts.SignIn;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * How app tests get in: a user of a role with an API token ({@link #bearer}), a browser session
 * ({@link #session}), or a browser signed in through the login page ({@link #signIn}).
 */
public final class TestAccess {
  public static final String PASSWORD = "test password 0123";
  private static final AtomicInteger USERS = new AtomicInteger();
  private static final Map<String, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

  private TestAccess() {}

  /** A browser session: the cookie header to send and the CSRF token its changes need. */
  public record Session(String user, String cookie, String csrf) {}

  /** A new user with the given role; returns the name (the password is {@link #PASSWORD}). */
  public static String user(Outpost outpost, Role role) {
    String name = role.label() + "-" + USERS.incrementAndGet();
    outpost.accounts().createUser(name, role, PASSWORD, "test");
    return name;
  }

  /** {@code Bearer ...} for a new user of {@code role}, with all the role's permissions. */
  public static String bearer(Outpost outpost, Role role) {
    String name = user(outpost, role);
    return "Bearer "
        + outpost.accounts().createToken(name, "test", role.permissions(), "test").secret();
  }

  /** An admin's bearer header, one per running server. */
  public static String admin(Outpost outpost) {
    return ADMIN_TOKENS.computeIfAbsent(
        System.identityHashCode(outpost) + ":" + outpost.port(), k -> bearer(outpost, Role.ADMIN));
  }

  /** A request to the server as an admin (API token). */
  public static HttpRequest.Builder request(Outpost outpost, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + outpost.port() + path))
        .header("Authorization", admin(outpost));
  }

  /** Signs a new user of {@code role} in and returns the session. */
  public static Session session(Outpost outpost, Role role) {
    String name = user(outpost, role);
    SignIn.Ok ok = (SignIn.Ok) outpost.accounts().signIn(name, PASSWORD, "127.0.0.1");
    return new Session(
        name, "outpost_session=" + ok.sessionId(), ok.identity().csrfToken().orElseThrow());
  }

  /** Signs the browser in as a new admin through the login page. */
  public static void signIn(WebDriver driver, Outpost outpost) {
    String name = user(outpost, Role.ADMIN);
    driver.get("http://127.0.0.1:" + outpost.port() + "/login");
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("#login-form button")).click();
  }
}
