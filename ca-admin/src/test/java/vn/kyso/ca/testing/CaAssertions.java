package vn.kyso.ca.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import vn.kyso.ca.CaException;

/** Assertions on the CA's error codes. */
public final class CaAssertions {

    private CaAssertions() {
    }

    public static void assertCode(ThrowingCallable call, CaException.ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(CaException.class)
                .satisfies(e -> assertThat(((CaException) e).code()).isEqualTo(code));
    }
}
