package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad flags: one clear error, exit 2, and nothing touched (no AWS client is even built: no endpoint is given). */
class ScanCommandUsageTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--rule nope|unknown rule id 'nope'; valid: single-az-endpoint, private-dns-disabled",
      "--min-azs 0|--min-azs: '0' is not a whole number from 1 to 6",
      "--min-azs many|--min-azs: 'many' is not a whole number from 1 to 6",
      "--trusted-account-id 12|--trusted-account-id: '12' is not valid; expected 12-digit AWS account ids",
      "--trusted-org-id acme|--trusted-org-id: 'acme' is not valid; expected organization ids like o-a1b2c3d4e5",
      "--az-hour-price free|--az-hour-price: 'free' is not a price in USD per AZ-hour",
      "--format xml|Invalid value for option '--format'",
      "--endpoint-url ftp://localhost:1|--endpoint-url 'ftp://localhost:1' is not an http(s) URL",
      "--region Mars|--region 'Mars' is not a region name like us-east-1",
      "--vpc-endpoint-id vpce-xyz|vpce-xyz",
      "--vpc-id vpc-12|vpc-12",
      "--bogus|Unknown option: '--bogus'"
  })
  void scan_badFlag_exitsTwoWithOneClearLine(String flags, String expected) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String base = "scan" + (flags.contains("--region") ? "" : " --region us-east-1")
        + (flags.contains("--endpoint-url") ? "" : " --endpoint-url http://127.0.0.1:9");
    String[] args = (base + " " + flags).split(" ");

    int exit = EndpointGuardCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);

    assertThat(exit).isEqualTo(EndpointGuardCli.USAGE);
    assertThat(err.toString()).startsWith("endpoint-guard: ").contains(expected).doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }
}
