package dev.asynclab.lab.scenario;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/// The target parser is strict: every malformed target is refused in one line that names it (or the condition in
/// it that is wrong) and says what was expected. It used to skip empty conditions, so `--target "p99<5ms and"`
/// ran as `p99<5ms`, and `and and` or a leading comma passed unnoticed.
class SweepTargetStrictTest {

    @Example
    void aTrailingAndIsRefusedNamingTheTarget() {
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p99<5ms and"))
                .withMessage("cannot read target 'p99<5ms and': no condition after its last 'and'; expected like "
                        + "p99<50ms, p95<=20ms or throughput>100/s, joined with 'and'");
    }

    @Example
    void emptyConditionsAnywhereAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("and p99<5ms"))
                .withMessageStartingWith("cannot read target 'and p99<5ms': no condition before its first 'and'");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p99<5ms and and p95<2ms"))
                .withMessageStartingWith("cannot read target 'p99<5ms and and p95<2ms': no condition between "
                        + "'and' and 'and'");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p99<5ms,, p95<2ms"))
                .withMessageStartingWith("cannot read target 'p99<5ms,, p95<2ms': no condition between ',' and ','");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse(" , "))
                .withMessageStartingWith("cannot read target ' , ': no condition before its first ','");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("  "))
                .withMessage("empty target: expected like p99<50ms or throughput>100/s");
    }

    @Example
    void aWrongMeasureOperatorOrUnitIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p98<5ms"))
                .withMessage("cannot read target 'p98<5ms': unknown measure 'p98' (expected p50, p90, p95, p99, "
                        + "p99.9, max, mean or throughput)");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p99>5ms"))
                .withMessage("cannot read target 'p99>5ms': p99 takes < or <= (a latency stays under its bound), "
                        + "not >");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("throughput<=5/s"))
                .withMessageStartingWith("cannot read target 'throughput<=5/s': throughput takes > or >=");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p99<5 and throughput>1/s"))
                .withMessage("cannot read target 'p99<5': expected a duration like 250ms, 1.5s, 2m or 100us, "
                        + "found '5'");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("throughput>100"))
                .withMessageStartingWith("cannot read target 'throughput>100': expected a rate like 50/s");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p99<0"))
                .withMessageStartingWith("cannot read target 'p99<0': no latency is below 0");
    }

    @Example
    void wellFormedTargetsStillRead() {
        var t = SweepTarget.parse("P99 <= 50 ms AND throughput > 180/s, p99.9<1s");
        assertThat(t.bounds()).containsExactly(new SweepTarget.Bound("p99", true, 50e6),
                new SweepTarget.Bound("throughput", false, 180), new SweepTarget.Bound("p99.9", false, 1e9));
        assertThat(SweepTarget.parse("p99<=0").bounds()).containsExactly(new SweepTarget.Bound("p99", true, 0));
    }

    @Property(tries = 300)
    void wellFormedConditionsJoinedInAnyWayRead(@ForAll("targets") List<String> conditions,
                                                @ForAll("joiners") String joiner) {
        String text = String.join(joiner, conditions);

        var target = SweepTarget.parse(text);

        assertThat(target.bounds()).hasSize(conditions.size());
        assertThat(target.text()).isEqualTo(text);
    }

    @Property(tries = 500)
    void everyMalformedTargetIsRefusedInOneLineNamingWhatIsWrong(@ForAll("malformed") Malformed bad) {
        var e = catchThrowableOfType(IllegalArgumentException.class, () -> SweepTarget.parse(bad.text()));

        assertThat(e).as("'%s' was accepted", bad.text()).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n")
                .startsWith("cannot read target '")
                .contains(bad.named())
                .containsAnyOf("expected", "unknown measure", "takes", "no latency");
    }

    /// A target that must be refused, and the text its message must name (the target or the bad condition).
    record Malformed(String text, String named) {
    }

    private static final Set<String> MEASURES = Set.of("p50", "p90", "p95", "p99", "p99.9", "max", "mean",
            "throughput");

    @Provide
    Arbitrary<String> joiners() {
        return Arbitraries.of(" and ", " AND ", ",", ", ", " , ", "\tand\t");
    }

    @Provide
    Arbitrary<List<String>> targets() {
        return condition().list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<String> condition() {
        Arbitrary<String> latency = Combinators.combine(
                Arbitraries.of("p50", "p90", "p95", "p99", "p99.9", "max", "mean"), Arbitraries.of("<", "<=", " < "),
                Arbitraries.integers().between(1, 100_000), Arbitraries.of("ns", "us", "ms", "s", "m"))
                .as((m, op, n, unit) -> m + op + n + unit);
        Arbitrary<String> throughput = Combinators.combine(Arbitraries.of(">", ">=", " >= "),
                        Arbitraries.integers().between(0, 100_000), Arbitraries.of("/s", "/ms", "/m", "/h"))
                .as((op, n, unit) -> "throughput" + op + n + unit);
        return Arbitraries.oneOf(latency, throughput);
    }

    @Provide
    Arbitrary<Malformed> malformed() {
        Arbitrary<String> good = condition();
        Arbitrary<String> joiner = Arbitraries.of(" and ", ",", " , ", " AND ");
        Arbitrary<Malformed> trailing = Combinators.combine(targets(), joiner)
                .as((c, j) -> whole(String.join(" and ", c) + j));
        Arbitrary<Malformed> leading = Combinators.combine(joiner, targets())
                .as((j, c) -> whole(j + String.join(" and ", c)));
        Arbitrary<Malformed> doubled = Combinators.combine(good, joiner, joiner, good)
                .as((a, j1, j2, b) -> whole(a + j1 + j2 + b));
        Arbitrary<Malformed> unknownMeasure = Combinators.combine(
                        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                                .filter(s -> !MEASURES.contains(s) && !s.equals("and")),
                        Arbitraries.of("<", ">", "<="), Arbitraries.of("5ms", "10/s"))
                .as((m, op, v) -> part(m + op + v));
        Arbitrary<Malformed> noUnit = Combinators.combine(Arbitraries.of("p50<", "p99<=", "max<", "throughput>"),
                        Arbitraries.integers().between(1, 1000))
                .as((m, n) -> part(m + n));
        Arbitrary<Malformed> wrongWay = Arbitraries.of("p99>50ms", "p95>=1s", "throughput<10/s", "mean=5ms",
                "throughput<=1/s", "p50==5ms").map(SweepTargetStrictTest::part);
        Arbitrary<Malformed> noValue = Arbitraries.of("p99<", "throughput>", "p99", "throughput", "<5ms", "p99 50ms",
                "50ms").map(SweepTargetStrictTest::part);
        Arbitrary<Malformed> badValue = Arbitraries.of("p99<<5ms", "p99<5xs", "p99<-5ms", "throughput>5/q",
                "p99<5ms5ms", "p99<ms", "throughput>/s", "p99<5ms p95<2ms").map(SweepTargetStrictTest::part);
        Arbitrary<Malformed> oneBad = Arbitraries.oneOf(unknownMeasure, noUnit, wrongWay, noValue, badValue);
        // A bad condition among good ones is still named.
        Arbitrary<Malformed> amongGood = Combinators.combine(good, oneBad, good)
                .as((a, bad, b) -> new Malformed(a + " and " + bad.text() + " and " + b, bad.named()));
        return Arbitraries.oneOf(trailing, leading, doubled, oneBad, amongGood);
    }

    private static Malformed whole(String text) {
        return new Malformed(text, "cannot read target '" + text + "'");
    }

    private static Malformed part(String text) {
        return new Malformed(text, "'" + text + "'");
    }
}
