package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

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
      "--bogus|Unknown option: '--bogus'",
      "--all-regions --region eu-west-1|use --region or --all-regions, not both",
      "--account-id 111122223333|other accounts are scanned through a role: add --role-name NAME",
      "--organization|other accounts are scanned through a role: add --role-name NAME",
      "--account-id 1111 --role-name R|--account-id '1111' is not an AWS account id (12 digits)",
      "--external-id abc|--external-id goes with --role-name",
      "--account-id 111122223333 --role-name no/slash|'no/slash' is not an IAM role name",
      "--concurrency 0|concurrency must be 1 to 64, not 0",
      "--concurrency 65|concurrency must be 1 to 64, not 65",
      "--accounts-file /no/such/file --role-name R|--accounts-file /no/such/file: cannot be read"
  })
  void scan_badFlag_exitsTwoWithOneClearLine(String flags, String expected) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String base = "scan" + (flags.contains("--region") || flags.contains("--all-regions") ? "" : " --region us-east-1")
        + (flags.contains("--endpoint-url") ? "" : " --endpoint-url http://127.0.0.1:9");
    String[] args = (base + " " + flags).split(" ");

    int exit = EndpointGuardCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);

    assertThat(exit).isEqualTo(EndpointGuardCli.USAGE);
    assertThat(err.toString()).startsWith("endpoint-guard: ").contains(expected).doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void accountsFile_idsCommentsAndBlankLines_readInOrder(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("accounts.txt"), """
        # production
        111122223333
          444455556666   # payments, trailing comment

        777788889999
        """);

    assertThat(ScanCommand.readAccountsFile(file)).containsExactly("111122223333", "444455556666", "777788889999");
  }

  @Test
  void accountsFile_badLine_isAUsageErrorNamingTheLine(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("accounts.txt"), "111122223333\n# ok\n4444-5555-6666\n");
    StringWriter err = new StringWriter();

    int exit = EndpointGuardCli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
        .execute("scan", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9", "--role-name", "R",
            "--accounts-file", file.toString());

    assertThat(exit).isEqualTo(EndpointGuardCli.USAGE);
    assertThat(err.toString()).contains("--accounts-file " + file + " line 3: '4444-5555-6666' is not an AWS"
        + " account id (12 digits)");
  }

  @Test
  void accountsFile_onlyComments_namesNoAccount(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("accounts.txt"), "# none yet\n\n");

    assertThatThrownBy(() -> ScanCommand.readAccountsFile(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--accounts-file " + file + " names no account");
  }

  @Test
  void noCredentials_oneLineThatSaysWhatToDo() {
    // The SDK's own failure, as the default chain reports it: a message over a thousand characters long.
    SdkClientException sdk = catchThrowableOfType(() -> AwsCredentialsProviderChain.of(
        ProfileCredentialsProvider.create("endpoint-guard-no-such-profile"),
        EnvironmentVariableCredentialsProvider.create()).resolveCredentials(), SdkClientException.class);
    assertThat(sdk.getMessage()).startsWith("Unable to load credentials");

    String line = EndpointGuardCli.oneLine(sdk);

    assertThat(line).isEqualTo("no AWS credentials found: run 'aws configure' or 'aws sso login', set AWS_PROFILE or"
        + " AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or pass --profile");
  }

  @Test
  void awsError_oneLineWithItsCode() {
    Ec2Exception denied = (Ec2Exception) Ec2Exception.builder().statusCode(403).message("You are not authorized")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnauthorizedOperation")
            .errorMessage("You are not\n authorized").build()).build();

    assertThat(EndpointGuardCli.oneLine(denied)).startsWith("AWS refused a call: UnauthorizedOperation: ")
        .doesNotContain("\n");
  }
}
