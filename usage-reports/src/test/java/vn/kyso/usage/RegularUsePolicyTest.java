package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RegularUsePolicyTest {

    private final RegularUsePolicy policy = RegularUsePolicy.DEFAULT;

    @Test
    void halfOfTheMonthsRoundsUp() {
        assertThat(policy.requiredActiveMonths(12)).isEqualTo(6);
        assertThat(policy.requiredActiveMonths(5)).isEqualTo(3);
        assertThat(policy.requiredActiveMonths(1)).isEqualTo(1);
        assertThat(new RegularUsePolicy(new BigDecimal("0.75"), 1).requiredActiveMonths(12)).isEqualTo(9);
    }

    @Test
    void periodCountsEveryCalendarMonthItTouches() {
        assertThat(RegularUsePolicy.monthsIn(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isEqualTo(12);
        assertThat(RegularUsePolicy.monthsIn(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 9, 14))).isEqualTo(7);
        assertThat(RegularUsePolicy.monthsIn(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 3, 31))).isEqualTo(1);
    }

    @Test
    void classesAtTheirBoundaries() {
        assertThat(policy.classify(12, 6, 6, false)).isEqualTo(UsageClass.REGULAR);
        assertThat(policy.classify(12, 5, 50, true)).isEqualTo(UsageClass.OCCASIONAL);
        assertThat(policy.classify(12, 0, 1, false)).isEqualTo(UsageClass.OCCASIONAL);
        assertThat(policy.classify(12, 0, 0, true)).isEqualTo(UsageClass.DORMANT);
        assertThat(policy.classify(12, 0, 0, false)).isEqualTo(UsageClass.NEVER_USED);
    }

    @Test
    void statementNamesTheThresholds() {
        assertThat(policy.statement(Language.EN, 12)).contains("50%").contains("(6)");
        assertThat(policy.statement(Language.VI, 12)).contains("Thường xuyên").contains("6/12");
    }

    @Test
    void nonsensicalThresholdsAreRefused() {
        assertThatThrownBy(() -> new RegularUsePolicy(BigDecimal.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegularUsePolicy(new BigDecimal("1.5"), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegularUsePolicy(BigDecimal.ONE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateIsAPercentageWithTwoDecimalsHalfUp() {
        assertThat(UsageReport.Summary.rate(280, 967)).isEqualByComparingTo("28.96");
        assertThat(UsageReport.Summary.rate(1, 8)).hasToString("12.50");
        assertThat(UsageReport.Summary.rate(1, 3)).hasToString("33.33");
        assertThat(UsageReport.Summary.rate(2, 3)).hasToString("66.67");
        assertThat(UsageReport.Summary.rate(0, 0)).hasToString("0.00");
    }
}
