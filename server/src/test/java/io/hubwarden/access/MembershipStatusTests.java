package io.hubwarden.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MembershipStatusTests {

    /**
     * The state machine: where each event leads from each status; "-" is refused, "back" returns to the status held
     * before the update (JOINED or CONNECTED).
     */
    static final String TABLE = """
            status         | SEAT_SHARED | SHARED_WITHOUT_SEAT | INVITE_SENT | INVITE_FAILED | HUB_SHOWS_MEMBER | INVITATION_EXPIRED | RESENT   | PROFILE_VERIFIED | GRANT_CHANGED | UPDATE_SUCCEEDED | UPDATE_FAILED | LAST_GRANT_REMOVED | REMOVAL_SUCCEEDED | REMOVAL_FAILED
            NO_SEAT        | INVITING    | -                   | -           | -             | -                | -                  | -        | -                | -             | -                | -             | REMOVED            | -                 | -
            INVITING       | INVITING    | -                   | INVITED     | INVITE_FAILED | JOINED           | -                  | -        | CONNECTED        | -             | -                | -             | REMOVING           | -                 | -
            INVITED        | INVITED     | -                   | -           | -             | JOINED           | INVITE_EXPIRED     | -        | CONNECTED        | -             | -                | -             | REMOVING           | -                 | -
            JOINED         | -           | -                   | -           | -             | -                | -                  | -        | CONNECTED        | UPDATING      | -                | -             | REMOVING           | -                 | -
            CONNECTED      | -           | -                   | -           | -             | -                | -                  | -        | CONNECTED        | UPDATING      | -                | -             | REMOVING           | -                 | -
            INVITE_FAILED  | INVITING    | -                   | -           | -             | JOINED           | -                  | INVITING | CONNECTED        | -             | -                | -             | REMOVING           | -                 | -
            INVITE_EXPIRED | INVITING    | -                   | -           | -             | JOINED           | -                  | INVITING | CONNECTED        | -             | -                | -             | REMOVING           | -                 | -
            UPDATING       | -           | -                   | -           | -             | -                | -                  | -        | -                | UPDATING      | back             | UPDATE_FAILED | REMOVING           | -                 | -
            UPDATE_FAILED  | -           | -                   | -           | -             | -                | -                  | -        | UPDATE_FAILED    | UPDATING      | -                | -             | REMOVING           | -                 | -
            REMOVING       | -           | -                   | -           | -             | -                | -                  | -        | -                | -             | -                | -             | -                  | REMOVED           | REMOVAL_FAILED
            REMOVED        | INVITING    | NO_SEAT             | -           | -             | -                | -                  | -        | -                | -             | -                | -             | -                  | -                 | -
            REMOVAL_FAILED | INVITING    | -                   | -           | -             | -                | -                  | -        | -                | -             | -                | -             | REMOVING           | -                 | -
            """;

    static Stream<Arguments> everyStatusAndEvent() {
        var lines = TABLE.strip().lines().toList();
        var events = cells(lines.get(0)).subList(1, MembershipEvent.values().length + 1).stream()
                .map(MembershipEvent::valueOf)
                .toList();
        return lines.subList(1, lines.size()).stream().flatMap(line -> {
            var cells = cells(line);
            var status = MembershipStatus.valueOf(cells.get(0));
            return events.stream().map(event -> Arguments.of(status, event, cells.get(events.indexOf(event) + 1)));
        });
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStatusAndEvent")
    void eachEventLeadsWhereTheTableSays(MembershipStatus status, MembershipEvent event, String expected) {
        var next = status.after(event, MembershipStatus.CONNECTED);

        if ("-".equals(expected)) {
            assertThat(next).isEmpty();
            assertThat(status.permits(event)).isFalse();
        } else {
            var target = "back".equals(expected) ? MembershipStatus.CONNECTED : MembershipStatus.valueOf(expected);
            assertThat(next).contains(target);
            assertThat(status.permits(event)).isTrue();
        }
    }

    @Test
    void theTableCoversEveryStatusAndEveryEvent() {
        var lines = TABLE.strip().lines().toList();

        assertThat(cells(lines.get(0)).subList(1, cells(lines.get(0)).size()))
                .containsExactlyElementsOf(
                        Arrays.stream(MembershipEvent.values()).map(Enum::name).toList());
        assertThat(lines.subList(1, lines.size()).stream()
                        .map(line -> cells(line).get(0))
                        .toList())
                .containsExactlyElementsOf(
                        Arrays.stream(MembershipStatus.values()).map(Enum::name).toList());
    }

    @Test
    void anUpdateReturnsToWhereTheMembershipWas() {
        assertThat(MembershipStatus.UPDATING.after(MembershipEvent.UPDATE_SUCCEEDED, MembershipStatus.JOINED))
                .isEqualTo(Optional.of(MembershipStatus.JOINED));
        assertThat(MembershipStatus.UPDATING.after(MembershipEvent.UPDATE_SUCCEEDED, MembershipStatus.CONNECTED))
                .isEqualTo(Optional.of(MembershipStatus.CONNECTED));
    }

    @Test
    void onlyGrantsTakingASeatStartInviting() {
        assertThat(MembershipStatus.initial(true)).isEqualTo(MembershipStatus.INVITING);
        assertThat(MembershipStatus.initial(false)).isEqualTo(MembershipStatus.NO_SEAT);
    }

    @Test
    void everyStatusCanLoseItsLastGrantExceptWhileOrAfterRemoving() {
        var removable = EnumSet.noneOf(MembershipStatus.class);
        for (var status : MembershipStatus.values()) {
            if (status.permits(MembershipEvent.LAST_GRANT_REMOVED)) {
                removable.add(status);
            }
        }

        assertThat(EnumSet.complementOf(removable))
                .containsExactlyInAnyOrder(MembershipStatus.REMOVING, MembershipStatus.REMOVED);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }
}
