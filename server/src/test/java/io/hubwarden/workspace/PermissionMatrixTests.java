package io.hubwarden.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The permission matrix in code is the one written in docs/permissions.md, cell by cell. */
class PermissionMatrixTests {

    private static final Path DOCUMENT = Path.of("..", "docs", "permissions.md");

    @ParameterizedTest(name = "{0} {2} {1}")
    @MethodSource("documentedCells")
    void roleHasExactlyTheDocumentedPermissions(WorkspaceRole role, Permission permission, String cell) {
        assertThat(role.can(permission)).isEqualTo("yes".equals(cell));
    }

    @Test
    void documentCoversEveryRoleAndEveryPermission() throws IOException {
        var matrix = matrix();

        assertThat(matrix.header())
                .containsExactly(
                        Arrays.stream(WorkspaceRole.values()).map(Enum::name).toArray(String[]::new));
        assertThat(matrix.rows())
                .extracting(row -> row.get(0))
                .containsExactly(
                        Arrays.stream(Permission.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void everyoneSeesTheirOwnCardsButOnlyPeopleManagersInvite() {
        assertThat(WorkspaceRole.values()).allMatch(role -> role.can(Permission.VIEW_OWN_CARDS));
        assertThat(WorkspaceRole.GUEST_USER.can(Permission.CONNECT_HUB)).isFalse();
        assertThat(WorkspaceRole.LOGIN_ONLY.can(Permission.CONNECT_HUB)).isFalse();
        assertThat(WorkspaceRole.USER.can(Permission.MANAGE_PEOPLE)).isFalse();
    }

    @ParameterizedTest(name = "{0} assigns {1}")
    @CsvSource({
        "OWNER,       OWNER SUPER_ADMIN ADMIN USER GUEST_USER LOGIN_ONLY",
        "SUPER_ADMIN, ADMIN USER GUEST_USER LOGIN_ONLY",
        "ADMIN,       USER GUEST_USER LOGIN_ONLY",
        "USER,        ''",
        "GUEST_USER,  ''",
        "LOGIN_ONLY,  ''"
    })
    void peopleManagersAssignRolesBelowTheirOwnAndOwnersAssignAny(WorkspaceRole role, String assignable) {
        var expected = assignable.isBlank()
                ? List.<WorkspaceRole>of()
                : Arrays.stream(assignable.trim().split("\\s+"))
                        .map(WorkspaceRole::valueOf)
                        .toList();

        assertThat(role.assignableRoles()).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> documentedCells() throws IOException {
        var matrix = matrix();
        var cells = new ArrayList<Arguments>();
        for (var row : matrix.rows()) {
            var permission = Permission.valueOf(row.get(0));
            for (var column = 1; column < row.size(); column++) {
                var role = WorkspaceRole.valueOf(matrix.header().get(column - 1));
                cells.add(Arguments.of(role, permission, row.get(column)));
            }
        }
        return cells.stream();
    }

    /**
     * The table under "## Matrix": a header row of role constants, then one row per permission constant with
     * "yes" or "no" in each cell.
     */
    private static Matrix matrix() throws IOException {
        var lines = Files.readAllLines(DOCUMENT);
        var start = lines.indexOf("## Matrix");
        var table = lines.stream()
                .skip(start + 1L)
                .dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|"))
                .map(PermissionMatrixTests::cells)
                .toList();
        var header = table.get(0).subList(1, table.get(0).size());
        return new Matrix(header, table.subList(2, table.size()));
    }

    /** The cells of a table row, each stripped of spaces and of the backticks around constants. */
    private static List<String> cells(String line) {
        var inner = line.substring(1, line.lastIndexOf('|'));
        return Arrays.stream(inner.split("\\|"))
                .map(cell -> cell.replace("`", "").trim())
                .map(cell -> cell.contains("(") ? cell.substring(cell.indexOf('(') + 1, cell.indexOf(')')) : cell)
                .toList();
    }

    private record Matrix(List<String> header, List<List<String>> rows) {}
}
