package dev.endpointguard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class (or method) that runs against the shared local AWS: tagged {@code local-aws} (runs only with
 * {@code -Plocal-aws}), state reset before each test, {@code LocalAws} and {@code AwsClients} injectable.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("local-aws")
@ExtendWith(LocalAwsExtension.class)
public @interface LocalAwsTest {}
