package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kyso.ca.CaEvents;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.CrlPublished;
import vn.kyso.ca.OcspRequested;

class OcspRequestedRouteTest {

    @Test
    void ocspRequestsGoToTheAttachedConsumerOnlyAndEveryOtherEventToSpring() {
        OcspRequestedRoute route = new OcspRequestedRoute();
        List<Object> spring = new ArrayList<>();
        List<OcspRequested> direct = new ArrayList<>();
        CaEvents events = route.events(spring::add);
        Instant now = Instant.now();
        OcspRequested early = new OcspRequested(BigInteger.ONE, CertificateStatus.ACTIVE, now);
        events.publish(early); // nobody attached yet: an application event, as before

        route.attach(direct::add);
        OcspRequested checked = new OcspRequested(BigInteger.TWO, CertificateStatus.REVOKED, now);
        CrlPublished crl = new CrlPublished(7, 1, now, now.plusSeconds(3600), now);
        events.publish(checked);
        events.publish(crl);

        assertThat(direct).containsExactly(checked);
        assertThat(spring).containsExactly(early, crl);
        assertThatThrownBy(() -> route.attach(direct::add)).isInstanceOf(IllegalStateException.class);
    }
}
