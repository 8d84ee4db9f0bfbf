package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionArnTest {

  @ParameterizedTest
  @CsvSource({
      "arn:aws:lambda:us-east-1:123456789012:function:endpoint-guard-Sweep, us-east-1, 123456789012",
      "arn:aws:lambda:us-east-1:123456789012:function:endpoint-guard-Sweep:live, us-east-1, 123456789012",
      "arn:aws:lambda:us-east-1:123456789012:function:endpoint-guard-Sweep:7, us-east-1, 123456789012",
      "arn:aws:lambda:us-east-1:123456789012:function:endpoint-guard-Sweep:$LATEST, us-east-1, 123456789012",
      "arn:aws-us-gov:lambda:us-gov-west-1:210987654321:function:f, us-gov-west-1, 210987654321",
      "arn:aws-cn:lambda:cn-north-1:210987654321:function:f, cn-north-1, 210987654321",
      "arn:aws-eusc:lambda:eusc-de-east-1:210987654321:function:f, eusc-de-east-1, 210987654321",
  })
  void account_functionArnInTheRegion_theAccount(String arn, String region, String account) {
    assertThat(FunctionArn.account(arn, region)).contains(account);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:lambda:eu-west-1:123456789012:function:f",            // another region
      "arn:aws:sns:us-east-1:123456789012:function:f",               // another service
      "arn:aws:lambda:us-east-1:12345678901:function:f",             // 11 digits
      "arn:aws:lambda:us-east-1:1234567890123:function:f",           // 13 digits
      "arn:aws:lambda:us-east-1:*:function:f",                       // wildcard
      "arn:aws:lambda:us-east-1:123456789012:layer:f",               // not a function
      "arn:aws:lambda:us-east-1:123456789012:function:",             // no name
      "arn:aws:lambda:us-east-1:123456789012:function:f:a:b",        // two qualifiers
      "arn:aws:lambda:us-east-1:123456789012:function:f ",           // trailing space
      "arn:aws:lambda:us-east-1:123456789012:function:f\nx",         // a line break
      "xarn:aws:lambda:us-east-1:123456789012:function:f",
      "arn:aws:lambda:us-east-1:١٢٣٤٥٦٧٨٩٠١٢:function:f",            // non-ASCII digits
  })
  void account_notAFunctionArnOfThisRegion_none(String arn) {
    assertThat(FunctionArn.account(arn, "us-east-1")).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void account_noArn_none(String arn) {
    assertThat(FunctionArn.account(arn, "us-east-1")).isEqualTo(Optional.empty());
  }

  @org.junit.jupiter.api.Test
  void account_overlong_none() {
    String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + "f".repeat(300);
    assertThat(FunctionArn.account(arn, "us-east-1")).isEmpty();
  }
}
