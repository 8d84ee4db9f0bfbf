package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.ServiceFacts;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;

class ServiceCatalogTest {
  static final Map<String, String> AZ_IDS = Map.of("us-east-1a", "use1-az6", "us-east-1b", "use1-az1");
  static final String NAME = "com.amazonaws.us-east-1.ssm";

  @Test
  void toFacts_fullDetail_azNamesBecomeIdsAndFlagsCopied() {
    ServiceDetail d = ServiceDetail.builder().serviceName(NAME).availabilityZones("us-east-1a", "us-east-1b")
        .privateDnsName("ssm.us-east-1.amazonaws.com").vpcEndpointPolicySupported(false).managesVpcEndpoints(true)
        .owner("amazon").build();

    assertThat(ServiceCatalog.toFacts(d, AZ_IDS)).isEqualTo(new ServiceFacts(NAME, Set.of("use1-az6", "use1-az1"),
        Optional.of("ssm.us-east-1.amazonaws.com"), false, true, true));
  }

  @Test
  void toFacts_missingFlags_policySupportedAndNotManaged() {
    ServiceFacts facts = ServiceCatalog.toFacts(ServiceDetail.builder().serviceName(NAME).build(), AZ_IDS);

    assertThat(facts.policySupported()).isTrue();
    assertThat(facts.managesVpcEndpoints()).isFalse();
    assertThat(facts.privateDnsName()).isEmpty();
    assertThat(facts.offeredAzIds()).isEmpty();
  }

  @Test
  void toFacts_onlyPrivateDnsNames_firstNameWithoutTrailingDot() {
    ServiceDetail d = ServiceDetail.builder().serviceName(NAME)
        .privateDnsNames(p -> p.privateDnsName("api.example.com."), p -> p.privateDnsName("other.example.com"))
        .build();

    assertThat(ServiceCatalog.toFacts(d, AZ_IDS).privateDnsName()).contains("api.example.com");
  }

  @Test
  void toFacts_azNameUnknownToTheRegion_leftOut() {
    ServiceDetail d = ServiceDetail.builder().serviceName(NAME).availabilityZones("us-east-1a", "us-east-1z").build();

    assertThat(ServiceCatalog.toFacts(d, AZ_IDS).offeredAzIds()).containsExactly("use1-az6");
  }

  @Test
  void toFacts_detailGivesItsAzIds_takenAsTheyAre_withoutTheNameMap() {
    ServiceDetail d = ServiceDetail.builder().serviceName(NAME).availabilityZones("us-east-1a", "us-east-1c")
        .availabilityZoneIds("use1-az6", "use1-az2").build();

    assertThat(ServiceCatalog.namesItsAzIds(d)).isTrue();
    assertThat(ServiceCatalog.toFacts(d, Map.of()).offeredAzIds()).containsExactlyInAnyOrder("use1-az6", "use1-az2");
  }

  @Test
  void toFacts_idsMissingOrFewerThanTheNames_namesTranslatedWithTheMap() {
    ServiceDetail none = ServiceDetail.builder().serviceName(NAME).availabilityZones("us-east-1a", "us-east-1b")
        .build();
    ServiceDetail fewer = none.toBuilder().availabilityZoneIds("use1-az6").build();
    ServiceDetail blank = none.toBuilder().availabilityZoneIds("use1-az6", " ").build();

    assertThat(ServiceCatalog.namesItsAzIds(none)).isFalse();
    assertThat(ServiceCatalog.namesItsAzIds(fewer)).isFalse();
    assertThat(ServiceCatalog.namesItsAzIds(blank)).as("a blank id counts as missing").isFalse();
    assertThat(ServiceCatalog.toFacts(blank, AZ_IDS).offeredAzIds()).containsExactlyInAnyOrder("use1-az6", "use1-az1");
    assertThat(ServiceCatalog.toFacts(fewer, AZ_IDS).offeredAzIds()).containsExactlyInAnyOrder("use1-az6", "use1-az1");
  }
}
