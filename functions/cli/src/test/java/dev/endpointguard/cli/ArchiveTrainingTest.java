package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 13: the launcher's class-data-sharing training run scans its canned estate with no AWS at all. */
class ArchiveTrainingTest {

  @Test
  void run_noAws_scansTheCannedEstateAndFindsEachProblem() throws Exception {
    String before = System.getProperty("aws.accessKeyId");
    StringWriter json = new StringWriter();

    ArchiveTraining.Result result = ArchiveTraining.run(json);

    assertThat(result.unanswered()).isEmpty();
    assertThat(result.completed()).as(result.toString()).isTrue();
    // Two scans of 13 requests each (the call budget of one VPC, its services' AZ ids given with them, and the
    // account's endpoint services with one service's permissions), all from the in-process server.
    assertThat(result.served()).isEqualTo(26);
    JsonNode report = new ObjectMapper().readTree(json.toString());
    // Five endpoints x four endpoint rules, the one VPC's DNS rule and the one endpoint service's rule; one endpoint
    // per problem, and the service open to everyone without acceptance.
    assertThat(report.path("summary").path("evaluated").asInt()).isEqualTo(22);
    assertThat(report.path("summary").path("nonCompliant").asInt()).isEqualTo(5);
    assertThat(System.getProperty("aws.accessKeyId")).isEqualTo(before);
  }

  @Test
  void key_queryProtocolAndRest_nameTheResponseFile() {
    assertThat(ArchiveTraining.key("POST", "/", "Action=DescribeVpcEndpoints&Version=2016-11-15"))
        .isEqualTo("DescribeVpcEndpoints");
    assertThat(ArchiveTraining.key("POST", "/",
        "Action=DescribeVpcAttribute&Attribute=enableDnsSupport&VpcId=vpc-1&Version=2016-11-15"))
        .isEqualTo("DescribeVpcAttribute-enableDnsSupport");
    assertThat(ArchiveTraining.key("GET", "/2013-04-01/hostedzonesbyvpc", ""))
        .isEqualTo("GET_2013-04-01_hostedzonesbyvpc");
  }
}
