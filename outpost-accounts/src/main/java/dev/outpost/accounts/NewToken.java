package dev.outpost.accounts;

/** A token just created: {@code secret} is the only time its value is available. */
public record NewToken(ApiToken token, String secret) {
  @Override
  public String toString() {
    return "NewToken[" + token + ", secret=***]";
  }
}
