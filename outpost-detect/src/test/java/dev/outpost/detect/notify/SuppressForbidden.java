package dev.outpost.detect.notify;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells forbidden-apis that a test may use {@code com.sun.net.httpserver} (the exported, supported
 * {@code jdk.httpserver} module, flagged by the generic "non-portable" signatures) as a local fake.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@interface SuppressForbidden {
  String reason();
}
