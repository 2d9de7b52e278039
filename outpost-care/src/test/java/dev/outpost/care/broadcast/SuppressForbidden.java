package dev.outpost.care.broadcast;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets forbidden-apis accept a class: the fake servers use the JDK's supported {@code
 * com.sun.net.httpserver} (module jdk.httpserver), which the non-portable signatures list flags.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@interface SuppressForbidden {
  String reason();
}
