package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
/** What an EC2 API call changed, as far as endpoint findings go; each kind knows what must be re-evaluated. */
public sealed interface Ec2Change
    permits EndpointCreated, EndpointModified, EndpointsDeleted, VpcDnsChanged, IngressChanged, SubnetCreated,
    EndpointServiceChanged {

  Targets targets();
}
