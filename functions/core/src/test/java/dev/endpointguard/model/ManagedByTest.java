package dev.endpointguard.model;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.testing.Snapshots;
import org.junit.jupiter.api.Test;

/** Issue 10 g: one decision of whether endpoint-guard may change an endpoint. */
class ManagedByTest {

  @Test
  void of_ordinaryEndpoint_isTheCustomers() {
    assertThat(endpoint("vpce-1").build().managedBy()).isEqualTo(ManagedBy.CUSTOMER);
    assertThat(ManagedBy.CUSTOMER.whyNotOurs()).isEmpty();
  }

  @Test
  void of_requesterManaged_isTheRequesters() {
    EndpointSnapshot e = endpoint("vpce-1").requesterManaged().build();

    assertThat(e.managedBy()).isEqualTo(ManagedBy.REQUESTER);
    assertThat(e.managedBy().whyNotOurs())
        .contains("the endpoint is requester-managed (created by an AWS service on your behalf)");
  }

  @Test
  void of_serviceThatManagesItsEndpoints_winsOverRequesterManaged() {
    EndpointSnapshot e = endpoint("vpce-1").requesterManaged()
        .service(service(Snapshots.SSM).managesEndpoints()).build();

    assertThat(e.managedBy()).isEqualTo(ManagedBy.SERVICE);
    assertThat(e.managedBy().whyNotOurs()).contains("the endpoint is managed by its service (ManagesVpcEndpoints)");
  }
}
