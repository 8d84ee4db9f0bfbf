package dev.endpointguard.alert;

import dev.endpointguard.rules.RuleContext;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Who sends an alert and how to price it.
 *
 * @param source         what ran: a handler's name ({@code ChangeEventFunction}) or {@code cli}
 * @param runId          identifies the run, so a subscriber can match alerts to logs and the scan report
 * @param azHourPriceUsd price of one endpoint AZ-hour, for the cost of adding AZs
 */
public record AlertContext(String source, String runId, BigDecimal azHourPriceUsd) {
  public AlertContext {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(azHourPriceUsd, "azHourPriceUsd");
    if (azHourPriceUsd.signum() < 0) {
      throw new IllegalArgumentException("azHourPriceUsd must not be negative: " + azHourPriceUsd);
    }
  }

  /** With the us-east-1 price of an Interface endpoint AZ-hour ($0.01). */
  public static AlertContext of(String source, String runId) {
    return new AlertContext(source, runId, RuleContext.DEFAULT_AZ_HOUR_PRICE);
  }
}
