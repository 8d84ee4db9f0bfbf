package dev.endpointguard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lookups every planned change makes (its previous state, its safety condition) answer from an index of the
 * estate: the same answers a search of the estate's lists gives, for whichever estate is asked.
 */
class PlannedFromTest {

  @Test
  void lookups_findEndpointsTheirVpcsAndGroups_andNothingElse() {
    EndpointSnapshot a = Snapshots.endpoint("vpce-a").vpc(Snapshots.vpc("vpc-a"))
        .groups(Snapshots.group("sg-a")).build();
    Estate estate = new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(a), List.of());

    assertThat(PlannedFrom.endpoint(estate, "vpce-a")).containsSame(a);
    assertThat(PlannedFrom.vpc(estate, "vpc-a")).hasValueSatisfying(v -> assertThat(v.vpcId()).isEqualTo("vpc-a"));
    assertThat(PlannedFrom.group(estate, "sg-a")).hasValueSatisfying(g -> assertThat(g.groupId()).isEqualTo("sg-a"));
    assertThat(PlannedFrom.endpoint(estate, "vpce-b")).isEmpty();
    assertThat(PlannedFrom.vpc(estate, "vpc-b")).isEmpty();
    assertThat(PlannedFrom.group(estate, "sg-b")).isEmpty();
    assertThat(PlannedFrom.endpointService(estate, "vpce-svc-0123456789abcdef0")).isEmpty();
  }

  @Test
  void twoEstatesOnOneThread_eachAnswersForItself() {
    EndpointSnapshot a = Snapshots.endpoint("vpce-a").build();
    EndpointSnapshot b = Snapshots.endpoint("vpce-b").build();
    Estate first = new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(a), List.of());
    Estate second = new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(b), List.of());

    assertThat(PlannedFrom.endpoint(first, "vpce-a")).containsSame(a);
    assertThat(PlannedFrom.endpoint(second, "vpce-a")).isEmpty();
    assertThat(PlannedFrom.endpoint(second, "vpce-b")).containsSame(b);
    assertThat(PlannedFrom.endpoint(first, "vpce-b")).isEmpty();
  }

  @Test
  void sameIdTwice_theFirstInTheEstatesOrderIsFound() {
    EndpointSnapshot first = Snapshots.endpoint("vpce-a").privateDns(true).build();
    EndpointSnapshot second = Snapshots.endpoint("vpce-a").privateDns(false).build();
    Estate estate = new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(first, second), List.of());

    assertThat(PlannedFrom.endpoint(estate, "vpce-a")).containsSame(first);
  }
}
